"""Every var is checked at on-run-start, before any model runs: unknown names (with the closest known one)
and bad values (with the allowed ones), from the same lists the ML models use."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import PROJECT_DIR, TEST_SYNTHETIC_MESSAGES, run_dbt

from privacy_curation.balancing import METHODS
from privacy_curation.var_checks import unknown_names, value_problems, var_problems

DEFAULT_VARS = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())["vars"]


def test_the_defaults_pass():
    assert value_problems(DEFAULT_VARS) == []
    assert var_problems(json.dumps({"resolved": DEFAULT_VARS, "given": {}, "known": list(DEFAULT_VARS)})) == ""


def test_an_unknown_name_is_named_with_the_closest_known_one():
    assert unknown_names({"balanc_method": "smote"}, list(DEFAULT_VARS)) == [
        "unknown var balanc_method: did you mean balance_method? (the vars are listed in dbt_project.yml)"
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"balance_method": "smoot"}, f"var balance_method must be one of {', '.join(METHODS)}; got 'smoot'"),
        ({"train_ratio": 0.8}, "vars train_ratio, validation_ratio, test_ratio: split ratios must sum to 1"),
        ({"synthetic_messages": -5}, "var synthetic_messages must be a whole number >= 0; got -5"),
        ({"smote_k_neighbors": -1}, "var smote_k_neighbors must be a whole number >= 1; got -1"),
        ({"stratify_by": ["intent", "colour"]}, "var stratify_by: unknown key(s) colour; choose from intent,"),
        ({"sampling_strategy": "randm"}, "var sampling_strategy must be one of none, random,"),
        ({"near_duplicate_threshold": 1.5}, "var near_duplicate_threshold must be a number in [0, 1]; got 1.5"),
    ],
)
def test_a_bad_value_is_named_with_what_is_allowed(change, expected):
    problems = value_problems({**DEFAULT_VARS, **change})
    assert any(problem.startswith(expected) for problem in problems), problems


@pytest.mark.dbt
@pytest.mark.parametrize(
    ("bad_vars", "message"),
    [
        ({"balanc_method": "smote"}, "unknown var balanc_method: did you mean balance_method?"),
        ({"balance_method": "smoot"}, "var balance_method must be one of none, random_oversample"),
        ({"train_ratio": 0.5}, "split ratios must sum to 1"),
        ({"synthetic_messages": -100}, "var synthetic_messages must be a whole number >= 0"),
        ({"stratify_by": ["intent", "mood"]}, "var stratify_by: unknown key(s) mood"),
    ],
)
def test_dbt_stops_at_on_run_start_before_any_model(bad_vars, message, tmp_path):
    assert run_dbt(["deps", "--quiet"], tmp_path).success
    vars_ = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES, **bad_vars})
    result = run_dbt(["build", "--vars", vars_], tmp_path)
    assert not result.success
    error = str(result.exception)
    assert "Invalid vars, nothing was built (checked at on-run-start)" in error and message in error, error
    assert "on-run-start" in error
    ran = [
        r.node.unique_id
        for r in (result.result.results if result.result else [])
        if r.node.resource_type != "operation"
    ]
    assert ran == [], f"nodes ran before the vars were checked: {ran}"
    assert not (tmp_path / "output" / "curated_training_data.parquet").exists()
