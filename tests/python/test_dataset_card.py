"""The dataset card and the metrics file beside the export: present, consistent with the manifest,
byte-identical (card) or identical but for the timing series (metrics) across identical builds; the
card's claims hold for the vars and data of the build that wrote it (tests/python/card_claims.py), here
for the default build and for a build balanced by `random_undersample` with another near-duplicate
threshold (the own-data build and every balance method are checked in their own test files)."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from card_claims import card_problems, front_matter, table_rows
from conftest import TEST_SYNTHETIC_MESSAGES, Build, copy_with_wal, failed_nodes, run_dbt

pytestmark = pytest.mark.dbt

TIMING_FAMILIES = (
    "privacy_curation_layer_duration_seconds",
    "privacy_curation_invocation_duration_seconds",
    "privacy_curation_last_build_timestamp_seconds",
)
SAMPLE = re.compile(r"^([a-z_]+)(?:\{(.*)\})? (\S+)$")


def card_of(build) -> str:
    return (build.output_dir / "DATASET_CARD.md").read_text(encoding="utf-8")


def metrics_of(build) -> str:
    return (build.output_dir / "metrics.prom").read_text(encoding="utf-8")


def parse_metrics(text: str) -> dict[tuple[str, frozenset], float]:
    """Samples keyed by (family, labels); checks that every family has HELP and TYPE before its samples."""
    helped, typed, samples = set(), set(), {}
    for line in text.splitlines():
        if line.startswith("# HELP "):
            helped.add(line.split()[2])
        elif line.startswith("# TYPE "):
            typed.add(line.split()[2])
        elif line and not line.startswith("#"):
            family, labels, value = SAMPLE.match(line).groups()
            assert family in helped and family in typed, f"{family} has no HELP or TYPE before its samples"
            pairs = frozenset(re.findall(r'([a-z_]+)="([^"]*)"', labels or ""))
            samples[(family, pairs)] = float(value)
    return samples


def test_card_and_metrics_are_written_beside_the_parquet(default_build):
    card = card_of(default_build)
    assert card.startswith("---\n") and "\n---\n# Dataset card: curated_training_data\n" in card
    assert metrics_of(default_build).endswith("\n")
    assert "\r" not in card_of(default_build)


def test_card_is_consistent_with_the_manifest(default_build):
    manifest = json.loads(default_build.manifest.read_text())
    card = card_of(default_build)
    assert f"| dataset_version | `{manifest['dataset_version']}`" in card
    assert f"sha256 `{manifest['parquet_sha256']}`" in card
    assert manifest["parquet_sha256"] == hashlib.sha256(default_build.parquet.read_bytes()).hexdigest()
    splits = {row[0]: int(row[1]) for row in table_rows(card, "| split | examples | real | synthetic |")}
    assert splits == manifest["counts_by_split"]
    synthetic = {row[0]: int(row[3]) for row in table_rows(card, "| split | examples | real | synthetic |")}
    assert synthetic == manifest["synthetic_counts_by_split"]
    accounting = table_rows(card, "| record | raw rows | kept or used | duplicates | quarantined |")
    for record, raw, kept, duplicates, quarantined in accounting:
        expected = manifest["row_accounting"][record + "s"]
        assert [int(raw), int(kept), int(duplicates), int(quarantined)] == [
            expected["raw"],
            expected["kept"],
            expected["duplicates"],
            expected["quarantined"],
        ]
    reasons = table_rows(card, "| record | quarantine reason | rows | share of raw rows |")
    for record in ("message", "annotation"):
        got = {reason: int(rows) for rec, reason, rows, _ in reasons if rec == record}
        assert got == manifest["row_accounting"][record + "s"]["quarantined_by_reason"]
    by_intent = table_rows(card, "| label | train real | train synthetic | validation | test | control |")
    assert len(by_intent) == 13
    for intent, train_real, train_synthetic, validation, test, control in by_intent:
        counts = manifest["counts_by_split_and_intent"]
        assert int(train_real) + int(train_synthetic) == counts["train"][intent]
        assert (int(validation), int(test), int(control)) == (
            counts["validation"][intent],
            counts["test"][intent],
            counts["control"][intent],
        )
    generator = dict((row[0].strip("`"), row[1]) for row in table_rows(card, "| var | value |"))
    assert generator["synthetic_messages"] == str(manifest["vars"]["synthetic_messages"])
    assert generator["random_seed"] == str(manifest["vars"]["random_seed"])
    versions = dict(table_rows(card, "| package | version |"))
    assert versions == manifest["package_versions"]


def metrics_disagreements(manifest: dict, samples: dict) -> list[str]:
    """Every count of the metrics file that differs from (or is missing for) the manifest's, one line each."""
    expected = {("privacy_curation_dataset_info", frozenset({("dataset_version", manifest["dataset_version"])})): 1.0}
    for split, count in manifest["counts_by_split"].items():
        expected[("privacy_curation_export_rows", frozenset({("split", split)}))] = count
        synthetic = manifest["synthetic_counts_by_split"][split]
        expected[("privacy_curation_export_synthetic_rows", frozenset({("split", split)}))] = synthetic
        for intent, intent_count in manifest["counts_by_split_and_intent"][split].items():
            expected[("privacy_curation_export_intent_rows", frozenset({("split", split), ("intent", intent)}))] = (
                intent_count
            )
    for record, counts in manifest["row_accounting"].items():
        labels = frozenset({("record_type", record.removesuffix("s"))})
        expected[("privacy_curation_raw_rows", labels)] = counts["raw"]
        expected[("privacy_curation_kept_rows", labels)] = counts["kept"]
        expected[("privacy_curation_duplicate_rows", labels)] = counts["duplicates"]
        for reason, count in counts["quarantined_by_reason"].items():
            expected[("privacy_curation_quarantined_rows", labels | {("reason", reason)})] = count
    return [
        f"{family} {dict(labels)}: metrics {samples.get((family, labels))}, manifest {value}"
        for (family, labels), value in expected.items()
        if samples.get((family, labels)) != value
    ]


def test_metrics_are_consistent_with_the_manifest(default_build):
    manifest = json.loads(default_build.manifest.read_text())
    samples = parse_metrics(metrics_of(default_build))
    assert metrics_disagreements(manifest, samples) == []
    layers = {dict(labels)["layer"] for family, labels in samples if family == TIMING_FAMILIES[0]}
    assert {"staging", "intermediate", "marts", "ml", "export"} <= layers


def test_card_is_byte_identical_and_metrics_differ_only_in_timing(default_build, repeat_build):
    assert card_of(default_build).encode() == card_of(repeat_build).encode()

    def without_timing(text: str) -> list[str]:
        return [line for line in text.splitlines() if not any(family in line for family in TIMING_FAMILIES)]

    first, second = metrics_of(default_build), metrics_of(repeat_build)
    assert without_timing(first) == without_timing(second)
    assert len(first.splitlines()) == len(second.splitlines())
    timing_keys = {key for key in parse_metrics(first) if key[0] in TIMING_FAMILIES}
    assert timing_keys and timing_keys == {key for key in parse_metrics(second) if key[0] in TIMING_FAMILIES}


def test_the_consistency_check_catches_a_wrong_count(default_build):
    """The check of test_metrics_are_consistent_with_the_manifest, fed a metrics file with one wrong
    count (the test split's rows with a digit put in front), names that count and nothing else."""
    manifest = json.loads(default_build.manifest.read_text())
    text = metrics_of(default_build)
    sample = '\nprivacy_curation_export_rows{split="test"} '
    assert sample in text
    wrong = text.replace(sample, sample + "1", 1)
    found = metrics_disagreements(manifest, parse_metrics(wrong))
    assert len(found) == 1 and found[0].startswith("privacy_curation_export_rows {'split': 'test'}"), found


# a second var set: balancing that lowers labels, and a stricter near-duplicate threshold
UNDERSAMPLE_VARS = {"balance_method": "random_undersample", "near_duplicate_threshold": 0.9}


@pytest.fixture(scope="module")
def undersample_build(default_build, tmp_path_factory) -> Build:
    """The default build's database, rebuilt from the near-duplicate candidates on with UNDERSAMPLE_VARS."""
    work_dir = tmp_path_factory.mktemp("card_undersample")
    copy_with_wal(default_build.database, work_dir / "curation.duckdb")
    vars_ = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES, **UNDERSAMPLE_VARS})
    result = run_dbt(
        [
            "build",
            "--select",
            "int_message_text_pairs_candidate+",
            "--exclude-resource-type",
            "unit_test",
            "--vars",
            vars_,
        ],
        work_dir,
    )
    assert result.success, "dbt build failed:\n" + failed_nodes(result)
    return Build(work_dir, work_dir / "curation.duckdb", work_dir / "output", result)


def test_the_default_cards_claims_hold(default_build):
    assert card_problems(default_build, {"synthetic_messages": TEST_SYNTHETIC_MESSAGES}) == []


def test_the_claims_hold_under_undersampling_and_another_near_duplicate_threshold(undersample_build, default_build):
    given = {"synthetic_messages": TEST_SYNTHETIC_MESSAGES, **UNDERSAMPLE_VARS}
    assert card_problems(undersample_build, given) == []
    card = card_of(undersample_build)
    assert "raises" not in card and "lowers each label to at most" in card
    assert "- The export holds no synthetic example (`balance_method: random_undersample` added none)" in card
    # the stricter threshold finds fewer near duplicates than the default build
    near = "select count(*) from removed_duplicates where duplicate_kind = 'near'"
    assert undersample_build.query(near)[0][0] < default_build.query(near)[0][0]


def test_the_front_matter_is_yaml_a_hub_card_reads(default_build):
    meta = front_matter(card_of(default_build))
    assert meta["task_categories"] == ["text-classification"]
    assert meta["task_ids"] == ["intent-classification", "multi-class-classification"]
    # the project's own rows are MIT (LICENSE); the public corpora keep theirs, so the card's licence is per source
    assert meta["license"] == "other" and meta["license_name"]
    assert meta["license_details"].startswith("MIT (LICENSE) for the rows of this project's generator and samples")
    assert "| MIT (this project's licence in LICENSE; made from its seed templates) |" in card_of(default_build)
    assert meta["multilinguality"] == "multilingual" and "privacy" in meta["tags"]


def test_the_card_shows_every_export_column_and_a_real_example(default_build):
    card = card_of(default_build)
    fields = table_rows(card, "| column | type | meaning |")
    types = dict(default_build.export_rows("select column_name, column_type from (describe export)"))
    assert [name.strip("`") for name, _, _ in fields] == list(types)
    assert all(meaning for _, _, meaning in fields)
    example = json.loads(card.split("```json\n", 1)[1].split("```", 1)[0])
    [(text, is_synthetic)] = default_build.export_rows(
        f"select text, is_synthetic from export where example_id = '{example['example_id']}'"
    )
    assert example["text"] == text and is_synthetic is False
    assert not [name for name in example if name.startswith("f_")]


def test_the_claims_check_catches_false_claims(default_build):
    """Each claim broken once, in a copy of the card's text: the check names it."""
    card = card_of(default_build)
    given = {"synthetic_messages": TEST_SYNTHETIC_MESSAGES}
    [(smallest,)] = default_build.export_rows("select min(n) from (select count(*) as n from export group by split)")
    broken = {
        "languages": card.replace("\n- de\n", "\n", 1),
        "size": re.sub(r"\n- \d+K<n<\d+K\n", "\n- n<1K\n", card, count=1),
        "split rows": re.sub(r"\| test \| (\d+) \|", "| test | 1 |", card, count=1),
        "balancing": card.replace("`augment` raises each label below", "`augment` lowers each label below", 1),
        "duplicates": card.replace(
            "- Duplicates are removed",
            "- Near-duplicates that differ after normalisation are kept. Duplicates are removed",
        ),
        "licences": card.replace("| CC0 1.0 |", "| MIT |", 1),
        "licence details": card.replace("license_details: MIT (LICENSE)", "license_details: CC0 1.0", 1),
        "annotators": card.replace("| 1: pub-snips |", "| 1: pub-urr |", 1),
        "vars": card.replace("near_duplicate_threshold: 0.8", "near_duplicate_threshold: 0.9", 1),
    }
    assert smallest > 1
    for claim, text in broken.items():
        assert text != card, claim
        problems = card_problems(default_build, given, card=text)
        assert problems, f"a false {claim} claim went unnoticed"
