"""The dataset card and the metrics file beside the export: present, consistent with the manifest,
byte-identical (card) or identical but for the timing series (metrics) across identical builds."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

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


def table_rows(card: str, header: str) -> list[list[str]]:
    """The body rows of the Markdown table whose header line is `header`."""
    lines = card.splitlines()
    start = lines.index(header) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_card_and_metrics_are_written_beside_the_parquet(default_build):
    assert card_of(default_build).startswith("# Dataset card: curated_training_data\n")
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
