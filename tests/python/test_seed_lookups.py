"""Macros that read a seed while a model compiles (cue_pattern, text_mojibake_pairs) stop with an error naming
the seed when it is not loaded, instead of building every lexicon feature as 0; compiling still works."""

from __future__ import annotations

import json

import pytest
from conftest import TEST_SYNTHETIC_MESSAGES, run_dbt

VARS = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES})


def node_messages(result) -> dict[str, str]:
    """Each model's status and message in a dbt result, by model name."""
    return {
        r.node.name: f"{r.status} {r.message}"
        for r in (result.result.results if result.result else [])
        if r.node.resource_type == "model"
    }


@pytest.mark.dbt
@pytest.mark.parametrize(
    ("model", "seed"),
    [
        ("int_messages_normalized", "text_mojibake_map"),
        ("int_messages_enriched", "sentence_mood_cues"),
    ],
)
def test_a_run_without_seeds_stops_naming_the_seed(model, seed, tmp_path):
    assert run_dbt(["deps", "--quiet"], tmp_path).success
    result = run_dbt(["run", "--select", model, "--vars", VARS], tmp_path)
    assert not result.success
    message = node_messages(result)[model]
    assert message.startswith("error"), message
    assert f"The seed '{seed}' is not loaded" in message, message
    assert "Run `dbt seed` first, or `dbt build`" in message, message


@pytest.mark.dbt
def test_compile_without_seeds_still_works(tmp_path):
    assert run_dbt(["deps", "--quiet"], tmp_path).success
    models = ["int_messages_normalized", "int_messages_enriched"]
    result = run_dbt(["compile", "--select", *models, "--vars", VARS], tmp_path)
    assert result.success, node_messages(result)
