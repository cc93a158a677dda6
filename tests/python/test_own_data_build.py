"""Own data only: `dbt build --vars '{synthetic_messages: 0}'` on the committed samples succeeds.

Without the generator there is no ground truth to measure curation against: the quality reports and the
dataset card say `not measured: no generated data` instead of writing NULL figures, and a rare label that
cannot fill every split is a warning naming the label and the split, not a failed build. The build writes
into an output folder that does not exist yet (dbt creates it)."""

from __future__ import annotations

import re

import pytest
from card_claims import card_problems
from conftest import build_project, failed_nodes

pytestmark = pytest.mark.dbt

NOT_MEASURED = "not measured: no generated data"


@pytest.fixture(scope="module")
def own_data_build(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("own_data_build")
    output_dir = work_dir / "not" / "yet" / "there"
    assert not output_dir.exists()
    build = build_project(work_dir, vars_={"synthetic_messages": 0}, output_dir=output_dir)
    assert build.result.success, "own-data build failed:\n" + failed_nodes(build.result)
    return build


def test_own_data_build_writes_every_export_file(own_data_build):
    for name in (
        "curated_training_data.parquet",
        "curated_training_data.manifest.json",
        "DATASET_CARD.md",
        "metrics.prom",
    ):
        assert (own_data_build.output_dir / name).is_file(), name
    sources = own_data_build.export_rows("select distinct message_source from export where not is_synthetic")
    assert sources == [("raw_file",)]


def test_quality_reports_say_not_measured(own_data_build):
    rows = own_data_build.query("select stage, value, meets_target, note from curation_report")
    assert {stage for stage, *_ in rows} == {"pii_redaction", "language", "deduplication", "label_consensus"}
    assert all(value is None and meets is None and note == NOT_MEASURED for _, value, meets, note in rows), rows


def test_card_has_no_null_or_blank_cells(own_data_build):
    card = (own_data_build.output_dir / "DATASET_CARD.md").read_text(encoding="utf-8")
    lines = card.split("\n")
    assert not [line for line in lines if "NULL" in line or "None" in line]
    # a table row with an empty cell (the header row `| | |` of the summary table has no data)
    blank_cells = [line for line in lines if line != "| | |" and re.search(r"\|\s*\|", line)]
    assert blank_cells == []
    assert f"| {NOT_MEASURED} |" in card
    assert "Quality figures (model `curation_report`): not measured: no generated data" in card


def test_the_cards_claims_hold_for_own_data(own_data_build):
    assert card_problems(own_data_build, {"synthetic_messages": 0}) == []
    card = (own_data_build.output_dir / "DATASET_CARD.md").read_text(encoding="utf-8")
    assert "The generator was off (`synthetic_messages: 0`)" in card
    assert "the project's seeded synthetic generator" not in card


def test_a_label_missing_from_a_split_is_a_warning_naming_both(own_data_build):
    results = {r.node.name: r for r in own_data_build.result.result.results}
    check = results["assert_every_label_in_every_split"]
    missing = own_data_build.query(
        "select split, intent, problem from main_dbt_test__audit.assert_every_label_in_every_split"
    )
    if missing:
        assert str(check.status) == "warn"
        split, intent, problem = missing[0]
        assert problem == f"label {intent} has no example in split {split}"
    else:
        assert str(check.status) == "pass"


def test_the_last_screen_says_where_the_outputs_are_and_the_headline_counts(own_data_build):
    log = (own_data_build.work_dir / "logs" / "dbt.log").read_text(encoding="utf-8")
    summary = log[log.rindex("Build summary") :]
    [(raw, kept, duplicates, quarantined)] = own_data_build.query(
        "select sum(row_count), sum(row_count) filter (where resolution = 'kept'), "
        "sum(row_count) filter (where resolution = 'duplicate'), "
        "sum(row_count) filter (where resolution = 'quarantined') from row_accounting where record_type = 'message'"
    )
    assert f"exports:  {own_data_build.output_dir}/" in summary
    assert f"messages: {raw} raw, {kept} kept, {duplicates} duplicates, {quarantined} quarantined" in summary
    for split, rows in own_data_build.export_rows("select split, count(*) from export group by split"):
        assert f"{split}: {rows} rows (" in summary
