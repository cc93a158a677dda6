"""The quality gate, attacked on purpose.

One real build runs on the committed sample files plus two crafted raw files that break every
row-level rule once. Then:
- each crafted row must land in quarantine with its reason code and file, and every raw row must
  be accounted for;
- the exported Parquet file is corrupted in four ways (an unknown label, a duplicated example_id,
  a leaked e-mail address, a split leak) and `dbt test` must fail on the test that guards it,
  leaving the offending rows in its store_failures table;
- a raw file without a required column, and raw files with a malformed row, must stop dbt with an
  error that names the file (and the column or the line).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import PROJECT_DIR, TEST_SYNTHETIC_MESSAGES, Build, build_project, run_dbt

pytestmark = pytest.mark.dbt

VARS = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES})
CRAFTED_MESSAGES = "zz_crafted_messages.csv"
CRAFTED_ANNOTATIONS = "zz_crafted_annotations.csv"
GOOD_TIME = "2026-03-14T10:00:00Z"

# message_id, text, channel, locale, created_at -> the reason code the row must get (None: kept).
CRAFTED_MESSAGE_ROWS = [
    ("qg-empty", "   \t  ", "email", "en-US", GOOD_TIME, "empty_text"),
    ("qg-long", "Please erase my records. " + "lorem ipsum " * 600, "email", "en-US", GOOD_TIME, "text_too_long"),
    (
        "qg-channel",
        "Stop sending me carrier pigeon adverts about gardening",
        "carrier_pigeon",
        "en-US",
        GOOD_TIME,
        "unknown_channel",
    ),
    (
        "qg-locale",
        "Which cookies does the quarry planner app keep about me",
        "chat",
        "xx-YY",
        GOOD_TIME,
        "unknown_locale",
    ),
    (
        "qg-time",
        "Could you correct the spelling of my street in the quarry planner",
        "chat",
        "en-US",
        "the day after tomorrow",
        "unparseable_timestamp",
    ),
    (
        "",
        "Remove every trace of my quarry planner account right away",
        "chat",
        "en-US",
        GOOD_TIME,
        "missing_message_id",
    ),
    # Swahili ("please delete my whole account"): no profile language, so und, not exported.
    (
        "qg-lang",
        "Tafadhali futa akaunti yangu yote",
        "chat",
        "en-US",
        GOOD_TIME,
        "language_not_kept",
    ),
    (
        "qg-noann",
        "My quarry planner export arrived as a scanned picture, send a CSV",
        "email",
        "en-GB",
        GOOD_TIME,
        "no_valid_annotation",
    ),
    (
        "qg-split",
        "Quarry planner keeps nudging me about a premium tier I never wanted",
        "chat",
        "en-US",
        GOOD_TIME,
        "low_agreement",
    ),
    (
        "qg-ok",
        "Please delete the quarry planner account registered under my name",
        "web_form",
        "en-US",
        GOOD_TIME,
        None,
    ),
]
# message_id, annotator_id, intent, confidence -> reason code (None: used).
CRAFTED_ANNOTATION_ROWS = [
    ("qg-ok", "ann-qg-1", "deletion", "0.9", None),
    ("qg-ok", "ann-qg-2", "deletion", "0.8", None),
    ("qg-ok", "ann-qg-3", "delete_everything", "0.9", "unknown_intent"),
    ("qg-ok", "ann-qg-4", "deletion", "1.5", "invalid_confidence"),
    ("qg-ok", "", "deletion", "0.7", "missing_annotator"),
    ("qg-ok", "ann-qg-1", "deletion", "0.9", "duplicate_annotation"),
    ("qg-nowhere", "ann-qg-1", "access", "0.9", "unknown_message"),
    ("qg-split", "ann-qg-1", "marketing_unsubscribe", "0.6", None),
    ("qg-split", "ann-qg-2", "privacy_complaint", "0.6", None),
    ("qg-split", "ann-qg-3", "non_privacy", "0.6", None),
    ("qg-channel", "ann-qg-1", "marketing_unsubscribe", "0.9", "message_rejected"),
]


def write_csv(path: Path, header: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def copy_sample_raw_dir(target: Path) -> Path:
    shutil.copytree(PROJECT_DIR / "data" / "raw", target, ignore=shutil.ignore_patterns("README.md", "public_*"))
    return target


@pytest.fixture(scope="module")
def gate_build(tmp_path_factory) -> Build:
    """The project built on the sample files plus the crafted rule-breaking files."""
    work_dir = tmp_path_factory.mktemp("gate_build")
    raw_dir = copy_sample_raw_dir(work_dir / "raw")
    write_csv(
        raw_dir / "messages" / CRAFTED_MESSAGES,
        ["message_id", "text", "channel", "locale", "created_at"],
        [row[:5] for row in CRAFTED_MESSAGE_ROWS],
    )
    write_csv(
        raw_dir / "annotations" / CRAFTED_ANNOTATIONS,
        ["message_id", "annotator_id", "intent", "confidence", "annotated_at"],
        [(*row[:4], GOOD_TIME) for row in CRAFTED_ANNOTATION_ROWS],
    )
    build = build_project(work_dir, raw_dir=raw_dir)
    failures = [f"{r.node.name}: {r.status}" for r in build.result.result.results if str(r.status) in ("error", "fail")]
    assert build.result.success, "dbt build failed:\n" + "\n".join(failures)
    build.raw_dir = raw_dir
    return build


def test_every_crafted_message_row_gets_its_reason_code(gate_build):
    rows = gate_build.query(
        f"""
        select coalesce(message_id, ''), resolution, coalesce(reason_code, '')
        from int_messages_resolved
        where source_file like '%{CRAFTED_MESSAGES}'
        """
    )
    assert len(rows) == len(CRAFTED_MESSAGE_ROWS), "a crafted raw row went missing"
    outcome = {message_id: (resolution, reason) for message_id, resolution, reason in rows}
    for message_id, *_, expected in CRAFTED_MESSAGE_ROWS:
        if expected is None:
            assert outcome[message_id] == ("kept", ""), message_id
        else:
            assert outcome[message_id] == ("quarantined", expected), message_id


def test_every_crafted_annotation_row_gets_its_reason_code(gate_build):
    rows = gate_build.query(
        f"""
        select message_id, coalesce(annotator_id, ''), resolution, coalesce(reason_code, '')
        from int_annotations_resolved
        where source_file like '%{CRAFTED_ANNOTATIONS}'
        """
    )
    assert len(rows) == len(CRAFTED_ANNOTATION_ROWS), "a crafted raw row went missing"
    got = sorted((message_id, annotator, reason) for message_id, annotator, _, reason in rows)
    # Annotations of the low-agreement message are valid rows but their message is quarantined.
    expected = sorted(
        (message_id, annotator, "message_quarantined" if message_id == "qg-split" else reason or "")
        for message_id, annotator, _, _, reason in CRAFTED_ANNOTATION_ROWS
    )
    assert got == expected


def test_quarantine_names_the_file_of_every_crafted_row(gate_build):
    rows = gate_build.query(
        f"""
        select record_type, reason_code, source_file
        from quarantined_records
        where source_file like '%{CRAFTED_MESSAGES}' or source_file like '%{CRAFTED_ANNOTATIONS}'
        """
    )
    messages = [row for row in rows if row[0] == "message"]
    annotations = [row for row in rows if row[0] == "annotation"]
    assert len(messages) == sum(1 for row in CRAFTED_MESSAGE_ROWS if row[-1] is not None)
    assert len(annotations) == 3 + sum(1 for row in CRAFTED_ANNOTATION_ROWS if row[-1] is not None)
    assert all(Path(source_file).parent == gate_build.raw_dir / "messages" for _, _, source_file in messages)
    assert all(Path(source_file).parent == gate_build.raw_dir / "annotations" for _, _, source_file in annotations)


def test_every_raw_row_is_accounted_for(gate_build):
    (raw_messages, raw_annotations, accounted_messages, accounted_annotations) = gate_build.query(
        """
        select
            (select count(*) from int_messages_unioned),
            (select count(*) from int_annotations_unioned),
            (select sum(row_count) from row_accounting where record_type = 'message'),
            (select sum(row_count) from row_accounting where record_type = 'annotation')
        """
    )[0]
    assert raw_messages == accounted_messages
    assert raw_annotations == accounted_annotations
    (kept, duplicates, quarantined) = gate_build.query(
        """
        select
            (select count(*) from curated_messages),
            (select count(*) from removed_duplicates),
            (select count(*) from quarantined_records where record_type = 'message')
        """
    )[0]
    assert kept + duplicates + quarantined == raw_messages


# --- corrupting the export ------------------------------------------------------------------------

CORRUPTIONS = {
    # name: (SQL over `export` giving the corrupted table, tests that must fail)
    "unknown_label": (
        """
        select * replace (
            case when example_id = (select min(example_id) from export where split = 'test')
                then 'delete_everything' else intent end as intent
        )
        from export
        """,
        {
            # no label outside the taxonomy seed, and the distinct labels number as many as the seed's
            "relationships_curated_training_data_intent__intent__ref_intent_taxonomy_",
            "dbt_expectations_expect_table_aggregation_to_equal_other_table_curated_training_data_ref_intent_taxonomy",
        },
    ),
    "duplicated_example_id": (
        "select * from export union all (select * from export where split = 'validation' order by example_id limit 1)",
        {"unique_curated_training_data_example_id", "unique_curated_training_data_message_id"},
    ),
    "leaked_email": (
        """
        select * replace (
            case when example_id = (select min(example_id) from export where split = 'train' and not is_synthetic)
                then text || ' write to jane.doe@example.com' else text end as text
        )
        from export
        """,
        {"dbt_expectations_expect_column_values_to_not_match_regex_list_curated_training_data_text"},
    ),
    "split_leak": (
        """
        select * from export
        union all
        (
            select * replace ('train' as split, example_id || '-leak' as example_id)
            from export
            where split = 'test'
            order by example_id
            limit 1
        )
        """,
        {"assert_no_message_in_two_splits", "unique_curated_training_data_message_id"},
    ),
}


def failing_tests(result) -> dict[str, str]:
    return {r.node.name: str(r.status) for r in result.result.results if str(r.status) in ("fail", "error")}


def matches(failing: dict[str, str], expected_prefix: str) -> list[str]:
    return [name for name in failing if name.startswith(expected_prefix)]


@pytest.mark.parametrize("corruption", sorted(CORRUPTIONS))
def test_corrupted_export_fails_the_right_test(gate_build, corruption, tmp_path):
    sql, expected = CORRUPTIONS[corruption]
    original = tmp_path / "original.parquet"
    shutil.copyfile(gate_build.parquet, original)
    try:
        with duckdb.connect() as connection:
            connection.sql(f"create view export as select * from read_parquet('{original}')")
            connection.sql(f"copy ({sql}) to '{gate_build.parquet}' (format parquet)")
        result = run_dbt(
            ["test", "--select", "curated_training_data", "--vars", VARS],
            gate_build.work_dir,
            raw_dir=gate_build.raw_dir,
        )
    finally:
        shutil.copyfile(original, gate_build.parquet)
    failing = failing_tests(result)
    assert not result.success
    for name in expected:
        hits = matches(failing, name)
        assert hits, f"{corruption}: expected {name} to fail; failing: {sorted(failing)}"
        assert all(failing[hit] == "fail" for hit in hits), f"{corruption}: {name} errored instead of failing"
    # store_failures keeps the offending rows of the failing test for inspection.
    node = next(r.node for r in result.result.results if r.node.name == matches(failing, sorted(expected)[0])[0])
    stored = gate_build.query(f'select count(*) from "{node.schema}"."{node.alias}"')[0][0]
    assert stored >= 1


def test_uncorrupted_export_passes_its_tests(gate_build):
    result = run_dbt(
        ["test", "--select", "curated_training_data", "--vars", VARS], gate_build.work_dir, raw_dir=gate_build.raw_dir
    )
    assert result.success, failing_tests(result)


# --- model-level rules: clear errors --------------------------------------------------------------


def run_staging(work_dir: Path, raw_dir: Path, model: str):
    return run_dbt(["run", "--select", model, "--vars", VARS], work_dir, raw_dir=raw_dir)


def error_text(result) -> str:
    messages = [str(r.message) for r in result.result.results if str(r.status) == "error"] if result.result else []
    return "\n".join(messages) + ("\n" + str(result.exception) if result.exception else "")


def test_missing_required_column_stops_the_build_naming_file_and_column(tmp_path):
    raw_dir = copy_sample_raw_dir(tmp_path / "raw")
    bad_file = raw_dir / "messages" / "no_text_column.csv"
    write_csv(bad_file, ["message_id", "channel", "locale", "created_at"], [("m-1", "email", "en-US", GOOD_TIME)])
    result = run_staging(tmp_path, raw_dir, "stg_raw_files__messages_csv")
    assert not result.success
    message = error_text(result)
    assert str(bad_file) in message
    assert "missing the required column(s) text" in message


def test_missing_required_column_in_parquet_annotations_is_named(tmp_path):
    raw_dir = copy_sample_raw_dir(tmp_path / "raw")
    bad_file = raw_dir / "annotations" / "no_confidence.parquet"
    with duckdb.connect() as connection:
        connection.sql(
            "copy (select 'm-1' as message_id, 'a-1' as annotator_id, 'access' as intent, "
            f"'{GOOD_TIME}' as annotated_at) to '{bad_file}' (format parquet)"
        )
    result = run_staging(tmp_path, raw_dir, "stg_raw_files__annotations_parquet")
    assert not result.success
    message = error_text(result)
    assert str(bad_file) in message and "confidence" in message


@pytest.mark.parametrize(
    "bad_line",
    [
        'm-2,"an unterminated quote,email,en-US,2026-03-14T10:00:00Z',
        "m-2,too,many,fields,in,this,row,here",
    ],
    ids=["unterminated_quote", "too_many_fields"],
)
def test_malformed_csv_row_stops_the_build_naming_file_and_line(tmp_path, bad_line):
    raw_dir = copy_sample_raw_dir(tmp_path / "raw")
    bad_file = raw_dir / "messages" / "malformed.csv"
    bad_file.write_text(
        "message_id,text,channel,locale,created_at\n"
        f"m-1,a fine row,email,en-US,{GOOD_TIME}\n"
        f"{bad_line}\n"
        f"m-3,another fine row,chat,en-US,{GOOD_TIME}\n",
        encoding="utf-8",
    )
    result = run_staging(tmp_path, raw_dir, "stg_raw_files__messages_csv")
    assert not result.success
    message = error_text(result)
    assert str(bad_file) in message
    assert "line 3" in message
    assert "an unterminated quote" not in message and "too,many,fields" not in message, "the row is quoted"


def test_malformed_json_line_stops_the_build_naming_file_and_line(tmp_path):
    raw_dir = copy_sample_raw_dir(tmp_path / "raw")
    bad_file = raw_dir / "messages" / "malformed.jsonl"
    good = {"message_id": "m-1", "text": "fine", "channel": "email", "locale": "en-US", "created_at": GOOD_TIME}
    bad_file.write_text(json.dumps(good) + '\n{"message_id": "m-2", "text": "cut off\n', encoding="utf-8")
    result = run_staging(tmp_path, raw_dir, "stg_raw_files__messages_jsonl")
    assert not result.success
    message = error_text(result)
    assert str(bad_file) in message and "line 2 is not valid JSON" in message
    assert "cut off" not in message, "the row is quoted"
