"""A corpus of real, messy input: nothing dropped in the landing zone is silently lost or corrupted.

Every crafted file either is read (each row then kept, or quarantined with the expected reason) or
stops the build with an error that names the file and the line, element, row or column, without
quoting the row (raw rows may hold personal data).

- The readable cases share ONE build of the layers up to row_accounting (the sample files plus
  every readable defect file, generator off). Raw rows on disk (counted here in Python) must equal
  the rows accounted in row_accounting.
- The cases that must stop the build run on the staging models alone, several per dbt invocation
  (at most one bad file per staging model, so each model's error belongs to one case).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import PROJECT_DIR, Build, copy_with_wal, run_dbt

# The committed samples with the defects added; the public corpora (public_*) only slow these builds down.
SAMPLES_ONLY = shutil.ignore_patterns("public_*")

pytestmark = pytest.mark.dbt
csv.field_size_limit(1 << 30)  # the 2 MB texts

MESSAGE_COLUMNS = ["message_id", "text", "channel", "locale", "created_at", "user_id"]
ANNOTATION_COLUMNS = ["message_id", "annotator_id", "intent", "confidence", "annotated_at"]
GOOD_TIME = "2026-03-14T10:00:00Z"
# Written into every row of the files that must stop the build: it must never reach an error or a log.
PII_MARKER = "SECRET-PII-4711"
VARS = json.dumps({"synthetic_messages": 0})
STAGING = {
    ("messages", "csv"): "stg_raw_files__messages_csv",
    ("messages", "jsonl"): "stg_raw_files__messages_jsonl",
    ("messages", "parquet"): "stg_raw_files__messages_parquet",
    ("annotations", "csv"): "stg_raw_files__annotations_csv",
    ("annotations", "jsonl"): "stg_raw_files__annotations_jsonl",
    ("annotations", "parquet"): "stg_raw_files__annotations_parquet",
}

# Each readable message text is distinct enough not to be a near duplicate of another one.
TEXTS = {
    "upper_csv": "Please erase the loyalty card profile you keep for me",
    "gzip_csv": "I want a copy of everything your bakery app stores on me",
    "zstd_csv": "Stop selling my browsing history to advertisers right now",
    "bom_crlf_csv": "Correct the birth date on my gym membership, it is wrong",
    "multiline_csv": "Hello,\r\nplease close my newsletter subscription.\r\nThanks",
    "mixed_case_header": "Which cookies does the ferry booking site set on my laptop",
    "upper_jsonl": "Remove my phone number from the parcel tracking service",
    "gzip_jsonl": "Send my ride history as a spreadsheet I can take elsewhere",
    "ndjson": "I object to you profiling me for credit offers",
    "blank_lines_jsonl": "Freeze the processing of my data until the dispute is settled",
    "extra_keys_jsonl": "Withdraw the consent I gave for the location tracking",
    "json_array": "Tell me how long you keep the recordings of my support calls",
    "binary_parquet": "Bitte löschen Sie mein Konto und alle gespeicherten Daten",
    "large_string_parquet": "Delete the photos I uploaded to the print shop last year",
    "tz_parquet": "I complain about the spam you kept sending after I opted out",
    "upper_parquet": "Limit the use of my health readings to the core service",
    "near_future": "My order arrived broken, can you send a replacement box",
}


def message(message_id: str, text: str, created_at: str = GOOD_TIME, **overrides) -> dict:
    row = {"message_id": message_id, "text": text, "channel": "email", "locale": "en-US", "created_at": created_at}
    row.update(overrides)
    return row


def csv_bytes(rows: list[dict], columns: list[str], newline: str = "\n") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator=newline, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def jsonl_bytes(rows: list[dict], newline: str = "\n") -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + newline for row in rows).encode("utf-8")


def write_zstd_csv(path: Path, rows: list[dict]) -> None:
    plain = path.with_name(path.name.removesuffix(".zst"))
    plain.write_bytes(csv_bytes(rows, MESSAGE_COLUMNS[:5]))
    with duckdb.connect() as connection:
        connection.sql(
            f"copy (select * from read_csv('{plain}', all_varchar = true)) to '{path}' "
            "(format csv, header true, compression zstd)"
        )
    plain.unlink()


def write_parquet(path: Path, table: pa.Table) -> None:
    pq.write_table(table, path)


# --- readable cases: (case, folder/file name, bytes or a writer, expected {message_id: reason or None}) ----------


@dataclass
class ReadCase:
    name: str
    file_name: str
    write: Callable[[Path], None]
    # message_id -> the rejection reason int_messages_validated must give (None: passes every row rule)
    expected: dict[str, str | None]
    # message_id -> the exact text staging must hold (no corruption)
    texts: dict[str, str] = field(default_factory=dict)


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _future(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


LONG_TEXT = "Please erase my records. " + "lorem ipsum dolor " * 120_000  # about 2 MB


def read_cases() -> list[ReadCase]:
    t = TEXTS
    binary_table = pa.table(
        {
            "message_id": pa.array([b"rd-binary"], pa.binary()),
            "text": pa.array([t["binary_parquet"].encode()], pa.binary()),
            "channel": pa.array([b"email"], pa.binary()),
            "locale": pa.array([b"de-DE"], pa.binary()),
            "created_at": pa.array([datetime(2026, 3, 14, 10)], pa.timestamp("us")),
        }
    )
    large_table = pa.table(
        {
            "message_id": pa.array(["rd-large"], pa.large_string()),
            "text": pa.array([t["large_string_parquet"]], pa.large_string()),
            "channel": ["chat"],
            "locale": ["en-GB"],
            "created_at": pa.array([datetime(2026, 3, 14, 10)], pa.timestamp("ms")),
        }
    )
    tz_table = pa.table(
        {
            "message_id": ["rd-tz", "rd-future-parquet"],
            "text": [t["tz_parquet"], "Erase the voice samples you recorded from my smart speaker"],
            "channel": ["chat", "chat"],
            "locale": ["en-US", "en-US"],
            "created_at": pa.array(
                [datetime(2026, 3, 14, 10, tzinfo=UTC), datetime(2099, 1, 1, tzinfo=UTC)], pa.timestamp("us", tz="UTC")
            ),
        }
    )
    upper_table = pa.table(
        {
            "message_id": ["rd-upper-parquet"],
            "text": [t["upper_parquet"]],
            "channel": ["web_form"],
            "locale": ["en-US"],
            "created_at": pa.array([datetime(2026, 3, 14, 10)], pa.timestamp("us")),
        }
    )
    extra = message("rd-extra", t["extra_keys_jsonl"], notes={"source": "crm"}, tags=["a", 1])
    return [
        ReadCase(
            "upper_case_csv",
            "messages/zz_upper.CSV",
            _bytes(csv_bytes([message("rd-upper", t["upper_csv"])], MESSAGE_COLUMNS[:5])),
            {"rd-upper": None},
        ),
        ReadCase(
            "gzip_csv",
            "messages/zz_gzip.csv.gz",
            _bytes(gzip.compress(csv_bytes([message("rd-gzip", t["gzip_csv"])], MESSAGE_COLUMNS[:5]))),
            {"rd-gzip": None},
        ),
        ReadCase(
            "zstd_csv",
            "messages/zz_zstd.csv.zst",
            lambda path: write_zstd_csv(path, [message("rd-zstd", t["zstd_csv"])]),
            {"rd-zstd": None},
        ),
        ReadCase(
            "bom_crlf_csv",
            "messages/zz_bom.csv",
            _bytes(b"\xef\xbb\xbf" + csv_bytes([message("rd-bom", t["bom_crlf_csv"])], MESSAGE_COLUMNS[:5], "\r\n")),
            {"rd-bom": None},
            {"rd-bom": t["bom_crlf_csv"]},
        ),
        ReadCase(
            "multiline_quoted_csv",
            "messages/zz_multiline.csv",
            _bytes(csv_bytes([message("rd-multiline", t["multiline_csv"])], MESSAGE_COLUMNS[:5], "\r\n")),
            {"rd-multiline": None},
            {"rd-multiline": t["multiline_csv"]},
        ),
        ReadCase(
            "mixed_case_header_csv",
            "messages/zz_header.csv",
            _bytes(
                b"Message_ID,TEXT,Channel,Locale,Created_At\n"
                + f"rd-header,{t['mixed_case_header']},chat,en-US,{GOOD_TIME}\n".encode()
            ),
            {"rd-header": None},
            {"rd-header": t["mixed_case_header"]},
        ),
        ReadCase(
            "two_megabyte_text_csv",
            "messages/zz_long.csv",
            _bytes(csv_bytes([message("rd-long-csv", LONG_TEXT)], MESSAGE_COLUMNS[:5])),
            {"rd-long-csv": "text_too_long"},
        ),
        ReadCase(
            "upper_case_jsonl",
            "messages/zz_upper.JSONL",
            _bytes(jsonl_bytes([message("rd-upper-jsonl", t["upper_jsonl"])])),
            {"rd-upper-jsonl": None},
        ),
        ReadCase(
            "gzip_jsonl",
            "messages/zz_gzip.jsonl.gz",
            _bytes(gzip.compress(jsonl_bytes([message("rd-gzip-jsonl", t["gzip_jsonl"])]))),
            {"rd-gzip-jsonl": None},
        ),
        ReadCase(
            "ndjson",
            "messages/zz_lines.ndjson",
            _bytes(jsonl_bytes([message("rd-ndjson", t["ndjson"], user_id=None)])),
            {"rd-ndjson": None},
        ),
        ReadCase(
            "blank_lines_crlf_jsonl",
            "messages/zz_blank.jsonl",
            _bytes(b"\r\n" + jsonl_bytes([message("rd-blank", t["blank_lines_jsonl"])], "\r\n") + b"   \r\n\r\n"),
            {"rd-blank": None},
            {"rd-blank": t["blank_lines_jsonl"]},
        ),
        ReadCase(
            "extra_keys_jsonl",
            "messages/zz_extra.jsonl",
            _bytes(jsonl_bytes([extra])),
            {"rd-extra": None},
            {"rd-extra": t["extra_keys_jsonl"]},
        ),
        ReadCase(
            "null_text_jsonl",
            "messages/zz_null_text.jsonl",
            _bytes(jsonl_bytes([message("rd-null-text", None)])),
            {"rd-null-text": "empty_text"},
        ),
        ReadCase(
            "two_megabyte_text_jsonl",
            "messages/zz_long.jsonl",
            _bytes(jsonl_bytes([message("rd-long-jsonl", LONG_TEXT)])),
            {"rd-long-jsonl": "text_too_long"},
        ),
        ReadCase(
            "future_timestamp_jsonl",
            "messages/zz_future.jsonl",
            _bytes(
                jsonl_bytes(
                    [
                        message(
                            "rd-2099", "Cancel the data sharing with your insurance partners", "2099-05-01T08:00:00Z"
                        ),
                        message("rd-next-month", "Unsubscribe me from the weekly recipe e-mails", _future(30)),
                        message("rd-near-future", t["near_future"], _future(1 / 24)),
                    ]
                )
            ),
            {"rd-2099": "future_timestamp", "rd-next-month": "future_timestamp", "rd-near-future": None},
        ),
        ReadCase(
            "json_array",
            "messages/zz_array.json",
            _bytes(json.dumps([message("rd-array", t["json_array"], user_id="u-77")], indent=2).encode()),
            {"rd-array": None},
            {"rd-array": t["json_array"]},
        ),
        ReadCase(
            "binary_text_parquet",
            "messages/zz_binary.parquet",
            lambda path: write_parquet(path, binary_table),
            {"rd-binary": None},
            {"rd-binary": t["binary_parquet"]},
        ),
        ReadCase(
            "large_string_parquet",
            "messages/zz_large.parquet",
            lambda path: write_parquet(path, large_table),
            {"rd-large": None},
        ),
        ReadCase(
            "timestamptz_and_future_parquet",
            "messages/zz_tz.parquet",
            lambda path: write_parquet(path, tz_table),
            {"rd-tz": None, "rd-future-parquet": "future_timestamp"},
        ),
        ReadCase(
            "upper_case_parquet",
            "messages/zz_upper.PARQUET",
            lambda path: write_parquet(path, upper_table),
            {"rd-upper-parquet": None},
        ),
        ReadCase(
            "annotations_gzip_upper_csv",
            "annotations/zz_annotations.CSV.GZ",
            _bytes(
                gzip.compress(
                    csv_bytes(
                        [
                            {
                                "message_id": "rd-upper",
                                "annotator_id": "ann-rd-1",
                                "intent": "deletion",
                                "confidence": "0.9",
                                "annotated_at": GOOD_TIME,
                            }
                        ],
                        ANNOTATION_COLUMNS,
                    )
                )
            ),
            {},
        ),
        ReadCase(
            "annotations_jsonl_string_and_integer_confidence",
            "annotations/zz_annotations.jsonl",
            _bytes(
                jsonl_bytes(
                    [
                        {
                            "message_id": "rd-upper",
                            "annotator_id": "ann-rd-2",
                            "intent": "deletion",
                            "confidence": "0.8",
                            "annotated_at": GOOD_TIME,
                        },
                        {
                            "message_id": "rd-upper",
                            "annotator_id": "ann-rd-3",
                            "intent": "deletion",
                            "confidence": 1,
                            "annotated_at": GOOD_TIME,
                        },
                    ]
                )
            ),
            {},
        ),
    ]


def rows_on_disk(path: Path) -> int:
    """Raw rows in one landing-zone file, counted without DuckDB."""
    name = path.name.lower()
    if name.endswith(".parquet"):
        return pq.ParquetFile(path).metadata.num_rows
    if name.endswith(".zst"):
        with duckdb.connect() as connection:
            return connection.sql(f"select count(*) from read_csv('{path}', all_varchar = true)").fetchall()[0][0]
    data = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
    text = data.decode("utf-8-sig")
    if ".csv" in name:
        return len(list(csv.reader(io.StringIO(text, newline="")))) - 1
    if name.endswith(".json"):
        return len(json.loads(text))
    return sum(1 for line in text.splitlines() if line.strip())


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory) -> tuple[Build, Path, list[ReadCase]]:
    work_dir = tmp_path_factory.mktemp("corpus_build")
    raw_dir = work_dir / "raw"
    shutil.copytree(PROJECT_DIR / "data" / "raw", raw_dir, ignore=SAMPLES_ONLY)
    cases = read_cases()
    for case in cases:
        case.write(raw_dir / case.file_name)
    # The reading, validation and accounting layers (and their tests); the export is not needed here.
    assert run_dbt(["deps", "--quiet"], work_dir).success
    result = run_dbt(
        ["build", "--select", "+row_accounting", "--indirect-selection", "cautious", "--vars", VARS],
        work_dir,
        raw_dir=raw_dir,
    )
    build = Build(work_dir, work_dir / "curation.duckdb", work_dir / "output", result)
    failures = [f"{r.node.name}: {r.status} {r.message}" for r in result.result.results if str(r.status) == "error"]
    assert not failures, "dbt build errored:\n" + "\n".join(failures)
    return build, raw_dir, cases


def test_readable_corpus_has_enough_cases():
    assert len(read_cases()) >= 20


def test_every_raw_row_on_disk_is_accounted_for(corpus_build):
    build, raw_dir, _ = corpus_build
    on_disk = {
        entity: sum(rows_on_disk(path) for path in (raw_dir / entity).iterdir() if path.name != "README.md")
        for entity in ("messages", "annotations")
    }
    accounted = dict(build.query("select record_type, sum(row_count) from row_accounting group by all"))
    assert accounted == {"message": on_disk["messages"], "annotation": on_disk["annotations"]}


@pytest.mark.parametrize("case", [case.name for case in read_cases() if case.expected])
def test_each_readable_case_is_read_intact_with_its_outcome(corpus_build, case):
    build, _, cases = corpus_build
    read_case = next(c for c in cases if c.name == case)
    file_name = Path(read_case.file_name).name
    rows = build.query(
        f"""
        select validated.message_id, coalesce(validated.rejection_reason, ''), redacted.message_text
        from int_messages_validated as validated
        inner join int_messages_redacted as redacted using (raw_row_id)
        where validated.source_file like '%/{file_name}'
        """
    )
    assert {row[0]: row[1] or None for row in rows} == read_case.expected
    texts = {row[0]: row[2] for row in rows}
    for message_id, text in read_case.texts.items():
        assert texts[message_id] == text


def test_annotation_files_of_other_extensions_are_read(corpus_build):
    build, _, _ = corpus_build
    rows = build.query(
        """
        select annotator_id, confidence
        from int_annotations_validated
        where source_file like '%/zz_annotations.%'
        order by annotator_id
        """
    )
    assert rows == [("ann-rd-1", 0.9), ("ann-rd-2", 0.8), ("ann-rd-3", 1.0)]


# --- cases that must stop the build -----------------------------------------------------------------------------


@dataclass
class StopCase:
    name: str
    file_name: str  # under the raw dir: messages/... or annotations/...
    content: bytes | Callable[[Path], None]
    expected: list[str]  # fragments the error must hold, besides the file's path
    family: str | None = None  # the staging model's format family; None: every model of the folder


def bad_csv(*lines: str, header: str = "message_id,text,channel,locale,created_at") -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")


def good_csv_line(message_id: str) -> str:
    return f"{message_id},Reach me on {PII_MARKER} about my account,email,en-US,{GOOD_TIME}"


def good_json(message_id, **overrides) -> str:
    row = message(message_id, f"Reach me on {PII_MARKER} please")
    row.update(overrides)
    return json.dumps(row)


def bad_parquet(**columns) -> Callable[[Path], None]:
    base = {
        "message_id": pa.array(["x-1", "x-2", "x-3"]),
        "text": pa.array([f"Reach me on {PII_MARKER}"] * 3),
        "channel": pa.array(["email"] * 3),
        "locale": pa.array(["en-US"] * 3),
        "created_at": pa.array([datetime(2026, 3, 14, 10)] * 3, pa.timestamp("us")),
    }
    base.update(columns)
    return lambda path: pq.write_table(pa.table(base), path)


def deep_bad_jsonl() -> bytes:
    # Lines of 2 KB so that the bad one sits many read buffers into the file.
    lines = [good_json(f"deep-{i}", text=f"{PII_MARKER} " + "x" * 2000) for i in range(1, 3000)]
    lines.append('{"message_id": "deep-3000", "text": ')
    lines += [good_json(f"deep-{i}") for i in range(3001, 3011)]
    return ("\n".join(lines) + "\n").encode()


ANNOTATION_HEADER = "message_id,annotator_id,intent,confidence,annotated_at"
STOP_CASES = [
    StopCase("txt_file", "messages/export.txt", b"message_id,text\n", ["extension no reader knows"]),
    StopCase("xlsx_file", "annotations/labels.xlsx", b"PK\x03\x04", ["extension no reader knows"]),
    StopCase("gzip_json_array", "messages/dump.json.gz", gzip.compress(b"[]"), ["extension no reader knows"]),
    StopCase("no_extension", "annotations/export", b"x", ["extension no reader knows"]),
    StopCase("tsv_file", "annotations/export.tsv", b"message_id\ttext\n", ["extension no reader knows"]),
    StopCase("subfolder", "messages/archive/old.csv", bad_csv(good_csv_line("s-1")), ["subfolder"]),
    StopCase(
        "csv_unterminated_quote",
        "messages/quote.csv",
        bad_csv(good_csv_line("q-1"), f'q-2,"{PII_MARKER} never closed,email,en-US,{GOOD_TIME}', good_csv_line("q-3")),
        ["line 3", "quoted field is not closed"],
        "csv",
    ),
    StopCase(
        "csv_too_many_fields",
        "messages/wide.csv",
        bad_csv(good_csv_line("w-1"), f"w-2,{PII_MARKER},email,en-US,{GOOD_TIME},extra,fields"),
        ["line 3", "more fields than the header"],
        "csv",
    ),
    StopCase(
        "csv_too_few_fields",
        "annotations/narrow.csv",
        bad_csv(good_csv_line("n-1"), good_csv_line("n-2"), f"n-3,{PII_MARKER}"),
        ["line 4", "fewer fields than the header"],
        "csv",
    ),
    StopCase(
        "csv_latin1",
        "messages/latin1.csv",
        bad_csv(good_csv_line("l-1"), good_csv_line("l-2"))
        + f"l-3,caf\xe9 {PII_MARKER},chat,fr-FR,{GOOD_TIME}\n".encode("latin-1"),
        ["line 4", "not valid UTF-8"],
        "csv",
    ),
    StopCase(
        "csv_error_after_multiline_field",
        "messages/multiline_then_bad.csv",
        bad_csv(f'm-1,"line one\nline two {PII_MARKER}",email,en-US,{GOOD_TIME}', f"m-2,{PII_MARKER},email"),
        ["line 4", "fewer fields than the header"],
        "csv",
    ),
    StopCase(
        "gzip_csv_bad_row",
        "messages/bad.csv.gz",
        gzip.compress(
            bad_csv(good_csv_line("g-1"), good_csv_line("g-2"), good_csv_line("g-3"), f"g-4,{PII_MARKER},x,y,z,w")
        ),
        ["line 5", "more fields than the header"],
        "csv",
    ),
    StopCase(
        "truncated_gzip_csv", "annotations/cut.csv.gz", gzip.compress(bad_csv(good_csv_line("t-1")))[:20], [], "csv"
    ),
    StopCase(
        "annotations_csv_latin1",
        "annotations/latin1.csv",
        bad_csv(header=ANNOTATION_HEADER) + f"m-1,ann-\xe9{PII_MARKER},access,0.9,{GOOD_TIME}\n".encode("latin-1"),
        ["line 2", "not valid UTF-8"],
        "csv",
    ),
    StopCase(
        "annotations_csv_missing_column",
        "annotations/no_intent.csv",
        bad_csv(f"m-1,ann-1,0.9,{GOOD_TIME}", header="message_id,annotator_id,confidence,annotated_at"),
        ["missing the required column(s) intent"],
        "csv",
    ),
    StopCase(
        "jsonl_malformed_line",
        "messages/broken.jsonl",
        "\n".join(
            [good_json("j-1"), good_json("j-2"), '{"message_id": "j-3", "text": "cut', good_json("j-4")]
        ).encode(),
        ["line 3", "is not valid JSON"],
        "jsonl",
    ),
    StopCase(
        "jsonl_number_as_text",
        "messages/number.jsonl",
        "\n".join([good_json("n-1"), good_json("n-2", text=4711)]).encode(),
        ["line 2", 'key "text" holds a JSON ubigint where a string is expected'],
        "jsonl",
    ),
    StopCase(
        "jsonl_object_as_text",
        "messages/object.jsonl",
        "\n".join([good_json("o-1"), good_json("o-2"), good_json("o-3", text={"body": PII_MARKER})]).encode(),
        ["line 3", 'key "text" holds a JSON object'],
        "jsonl",
    ),
    StopCase(
        "jsonl_array_as_locale",
        "messages/array.jsonl",
        "\n".join([good_json("a-1", locale=["en-US", PII_MARKER])]).encode(),
        ["line 1", 'key "locale" holds a JSON array'],
        "jsonl",
    ),
    StopCase(
        "jsonl_boolean_created_at",
        "messages/boolean.jsonl",
        "\n".join([good_json("b-1"), good_json("b-2", created_at=True)]).encode(),
        ["line 2", 'key "created_at" holds a JSON boolean'],
        "jsonl",
    ),
    StopCase(
        "jsonl_line_not_an_object",
        "annotations/list_line.jsonl",
        "\n".join([good_json("l-1"), json.dumps(["l-2", PII_MARKER])]).encode(),
        ["line 2", "is a JSON array, not an object"],
        "jsonl",
    ),
    StopCase(
        "jsonl_latin1",
        "annotations/latin1.jsonl",
        (good_json("u-1") + "\n").encode()
        + f'{{"message_id": "u-2", "text": "caf\xe9 {PII_MARKER}"}}\n'.encode("latin-1"),
        ["line 2", "not valid UTF-8"],
        "jsonl",
    ),
    StopCase(
        "gzip_jsonl_malformed_line",
        "annotations/broken.jsonl.gz",
        gzip.compress("\n".join([good_json("z-1"), "{not json " + PII_MARKER, good_json("z-3")]).encode()),
        ["line 2", "is not valid JSON"],
        "jsonl",
    ),
    StopCase(
        "jsonl_error_deep_in_file",
        "annotations/deep.jsonl",
        deep_bad_jsonl(),
        ["line 3000", "is not valid JSON"],
        "jsonl",
    ),
    StopCase(
        "json_array_element_not_object",
        "messages/elements.json",
        json.dumps([json.loads(good_json("e-1")), PII_MARKER]).encode(),
        ["element 2", "is a JSON varchar, not an object"],
        "jsonl",
    ),
    StopCase(
        "json_array_number_as_message_id",
        "messages/ids.json",
        json.dumps([json.loads(good_json("e-1")), json.loads(good_json(12))]).encode(),
        ["element 2", 'key "message_id" holds a JSON ubigint'],
        "jsonl",
    ),
    StopCase(
        "json_not_valid",
        "annotations/invalid.json",
        b'[{"message_id": "i-1", "text": "' + PII_MARKER.encode(),
        ["is not valid JSON"],
        "jsonl",
    ),
    StopCase(
        "json_top_level_object",
        "annotations/object.json",
        good_json("t-1").encode(),
        ["holds a JSON object, not an array"],
        "jsonl",
    ),
    StopCase(
        "annotations_jsonl_confidence_object",
        "annotations/confidence.jsonl",
        json.dumps(
            {
                "message_id": "m-1",
                "annotator_id": PII_MARKER,
                "intent": "access",
                "confidence": {"v": 1},
                "annotated_at": GOOD_TIME,
            }
        ).encode(),
        ["line 1", 'key "confidence" holds a JSON object where a number or a string is expected'],
        "jsonl",
    ),
    StopCase(
        "parquet_integer_text",
        "messages/int_text.parquet",
        bad_parquet(text=pa.array([1, 2, 3], pa.int64())),
        ["column text is BIGINT", "a string is expected"],
        "parquet",
    ),
    StopCase(
        "parquet_list_text",
        "messages/list_text.parquet",
        bad_parquet(text=pa.array([[PII_MARKER]] * 3, pa.list_(pa.string()))),
        ["column text is VARCHAR[]"],
        "parquet",
    ),
    StopCase(
        "parquet_binary_not_utf8",
        "messages/binary_latin1.parquet",
        bad_parquet(text=pa.array([b"fine", b"also fine", f"caf\xe9 {PII_MARKER}".encode("latin-1")], pa.binary())),
        ["row 3, column text", "not valid UTF-8"],
        "parquet",
    ),
    StopCase(
        "parquet_not_parquet", "annotations/garbage.parquet", b"message_id,text\n" + PII_MARKER.encode(), [], "parquet"
    ),
    StopCase(
        "annotations_parquet_boolean_confidence",
        "annotations/bool_confidence.parquet",
        lambda path: pq.write_table(
            pa.table(
                {
                    "message_id": ["m-1"],
                    "annotator_id": [PII_MARKER],
                    "intent": ["access"],
                    "confidence": [True],
                    "annotated_at": [GOOD_TIME],
                }
            ),
            path,
        ),
        ["column confidence is BOOLEAN", "a number or a string is expected"],
        "parquet",
    ),
]


def batches(cases: list[StopCase]) -> list[list[StopCase]]:
    """Cases grouped so that each staging model meets at most one bad file per dbt invocation."""
    grouped: list[list[StopCase]] = []
    for case in cases:
        folder = case.file_name.split("/")[0]
        keys = {(folder, case.family)} if case.family else {(folder, family) for family in ("csv", "jsonl", "parquet")}
        for batch in grouped:
            taken = set().union(
                *(
                    {(c.file_name.split("/")[0], c.family)}
                    if c.family
                    else {(c.file_name.split("/")[0], f) for f in ("csv", "jsonl", "parquet")}
                    for c in batch
                )
            )
            if not keys & taken:
                batch.append(case)
                break
        else:
            grouped.append([case])
    return grouped


def run_batch(work_dir: Path, batch: list[StopCase]):
    raw_dir = work_dir / "raw"
    shutil.rmtree(raw_dir, ignore_errors=True)
    shutil.copytree(PROJECT_DIR / "data" / "raw", raw_dir, ignore=SAMPLES_ONLY)
    for case in batch:
        path = raw_dir / case.file_name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(case.content):
            case.content(path)
        else:
            path.write_bytes(case.content)
    result = run_dbt(["run", "--select", "stg_raw_files__*", "--vars", VARS], work_dir, raw_dir=raw_dir)
    return raw_dir, result


@pytest.fixture(scope="module")
def stop_results(tmp_path_factory):
    """Every stop case's error text by case name, with the audit rows of every invocation."""
    work_dir = tmp_path_factory.mktemp("corpus_stops")
    outcomes = {}
    invocations = []
    for batch in batches(STOP_CASES):
        raw_dir, result = run_batch(work_dir, batch)
        errors = {
            r.node.name: str(r.message)
            for r in (result.result.results if result.result else [])
            if str(r.status) == "error"
        }
        for case in batch:
            folder = case.file_name.split("/")[0]
            families = [case.family] if case.family else ["csv", "jsonl", "parquet"]
            texts = [errors.get(STAGING[(folder, family)]) for family in families]
            outcomes[case.name] = (str(raw_dir / case.file_name), texts, result)
        invocations.append(result)
    snapshot = copy_with_wal(work_dir / "curation.duckdb", work_dir / "audit_copy.duckdb")
    with duckdb.connect(str(snapshot)) as connection:
        audited = connection.sql("select count(*) from audit.dbt_invocations where not is_success").fetchall()[0][0]
    log = (work_dir / "logs" / "dbt.log").read_text(encoding="utf-8", errors="replace")
    leak = log.find(PII_MARKER)
    log = log[max(leak - 600, 0) : leak + 100] if leak >= 0 else ""
    return outcomes, invocations, audited, log


def test_stop_corpus_has_enough_cases():
    assert len(STOP_CASES) >= 30
    assert len(STOP_CASES) + len(read_cases()) >= 35


@pytest.mark.parametrize("case", [case.name for case in STOP_CASES])
def test_each_bad_file_stops_the_build_naming_the_file_and_the_place(stop_results, case):
    outcomes, *_ = stop_results
    path, texts, result = outcomes[case]
    stop_case = next(c for c in STOP_CASES if c.name == case)
    assert not result.success
    assert result.exception is None, f"dbt crashed (exit code 2) instead of reporting the error: {result.exception}"
    assert all(texts), f"a model of the folder did not stop: {texts}"
    for text in texts:
        assert path in text, text
        for fragment in stop_case.expected:
            assert fragment in text, text
        assert PII_MARKER not in text, "the error quotes the raw row"


def test_no_error_or_log_line_quotes_a_raw_row(stop_results):
    _, _, _, log = stop_results
    assert not log, f"a raw row reached the dbt log: ...{log}"


def test_every_failed_run_is_audited(stop_results):
    _, invocations, audited, _ = stop_results
    assert audited == len(invocations)
