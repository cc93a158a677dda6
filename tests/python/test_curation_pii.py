"""PII curation measured and guarded.

- report_pii_quality: recall >= 0.99 and precision >= 0.98 for every PII type, measured on the
  synthetic messages against what the generator planted (hard-negative decoys included);
- no name the generator writes (seeds/generator_person_names) and no name a sample message signs
  with reaches the exported text;
- the raw user_id never leaves staging: no raw id of the landing-zone files or of the generator is
  a value of any intermediate model, mart or the export;
- with require_pseudonym_key true and PRIVACY_PSEUDONYM_KEY unset, dbt stops and names the variable.
"""

from __future__ import annotations

import csv
import json
import re

import duckdb
import pytest
from conftest import PROJECT_DIR, TEST_SYNTHETIC_MESSAGES, copy_with_wal, run_dbt
from garbling import as_cp1252

pytestmark = pytest.mark.dbt

PII_TYPES = {"email", "phone", "card", "iban", "ip", "ssn", "url", "person"}
TARGETS = {"recall": 0.99, "precision": 0.98}
RAW_MESSAGES = PROJECT_DIR / "data" / "raw" / "messages"
# Models that hold the raw id by design: the generator writes it, staging reads and pseudonymises it.
ALLOWED_PREFIXES = ("stg_", "synthetic_")
PERSON_NAMES = PROJECT_DIR / "seeds" / "generator_person_names.csv"
# names the committed sample messages sign with, greet with or introduce themselves with
SAMPLE_NAMES = [
    "Nina Patel",
    "Paul Benson",
    "Nicolas Girard",
    "Owen MacLeod",
    "Sophie Turner",
    "Javier Ruiz",
    "Lena Hoffmann",
    "Katrin Vogel",
    "Sanne de Vries",
    "Francesca Conti",
    "Marc-André Tremblay",
    "Élise Dupont",
    "Sam Whitaker",
]


def words(text: str) -> str:
    """The letters-only words of a text, lower case, each with a space on both sides."""
    return " " + " ".join(re.findall(r"[^\W\d_]+", text.lower())) + " "


def report_rows(build) -> dict[tuple[str, str], tuple]:
    rows = build.query("select metric, slice, value, target, meets_target, support from report_pii_quality")
    return {(metric, slice_): (value, target, meets, support) for metric, slice_, value, target, meets, support in rows}


def test_report_covers_every_type_and_metric(default_build):
    rows = report_rows(default_build)
    assert set(rows) == {(metric, pii_type) for metric in TARGETS for pii_type in PII_TYPES}
    for (metric, pii_type), (_, target, _, support) in rows.items():
        assert target == TARGETS[metric], (metric, pii_type)
        assert support > 0, f"nothing to measure {metric} of {pii_type} on"


@pytest.mark.parametrize("pii_type", sorted(PII_TYPES))
def test_redaction_meets_recall_and_precision_targets(default_build, pii_type):
    rows = report_rows(default_build)
    recall, *_ = rows[("recall", pii_type)]
    precision, *_ = rows[("precision", pii_type)]
    assert recall is not None and recall >= 0.99, f"{pii_type} recall {recall}"
    assert precision is not None and precision >= 0.98, f"{pii_type} precision {precision}"


def test_report_counts_every_planted_name(default_build):
    """Recall leaves out a planted value that is not whole in the normalised text: no person name may be left out
    (a name garbled beyond repair, "À°LOïSE CLAEYS", or cut apart by the paraphraser once was, and leaked unseen)."""
    [(planted,)] = default_build.query(
        "select count(*) from (select unnest(list_filter(truth.planted_pii, "
        "lambda pii: pii.pii_type = 'person' and not pii.is_decoy)) from synthetic_ground_truth as truth "
        "inner join int_messages_redacted as redacted on truth.message_id = redacted.message_id "
        "and redacted.message_source = 'synthetic' "
        "where coalesce(truth.defect_kind, '') not in ('empty_text', 'blank_text'))"
    )
    _, _, _, support = report_rows(default_build)[("recall", "person")]
    assert planted > 1000
    assert support == planted, f"recall counts {support} of {planted} planted names"


def exported_words(build) -> list[str]:
    return [words(text) for (text,) in build.export_rows("select distinct text from export where text is not null")]


def test_no_generator_name_reaches_the_export(default_build):
    """No last name of the generator's list in any exported text of the generator, whole or cut apart (the
    near-duplicate paraphraser never edits inside a name or the cue before one), and no capitalised first name."""
    with PERSON_NAMES.open(encoding="utf-8") as handle:
        names = [(row["first_name"], row["last_name"]) for row in csv.DictReader(handle)]
    # the generator's messages only: a real text may hold the same word ("music by Gore Vidal")
    exported = default_build.export_rows(
        "select distinct message_id, text from export where text is not null and message_id like 'syn-%'"
    )
    assert len(exported) > 1000
    leaks = [
        f"{message_id}: {first} {last}"
        for message_id, text in exported
        for first, last in names
        if words(last) in words(text)
    ]
    # a first name signed or greeted alone ("Thanks, Nina"): capitalised, as a whole word (in lower case
    # some first names are ordinary words)
    first_names = {first for first, _ in names}
    leaks += [
        f"{message_id}: {word}"
        for message_id, text in exported
        for word in sorted(set(re.findall(r"[^\W\d_]+", text)) & first_names)
    ]
    assert leaks == [], f"generator names in the export: {leaks}"


# every "first last" pair of the generator's name lists in a near duplicate's source draft, and whether the
# paraphrase (noise undone: case, zero-width and bell characters, runs of whitespace) still holds it whole
NAMES_IN_NEAR_DUPLICATES = r"""
with

names as (

    select * from read_csv('{names}')

),

near_duplicates as (

    select
        emitted.message_id,
        lower(drafts.clean_text) as source_text,
        regexp_replace(
            lower(replace(replace(emitted.message_text, chr(8203), ''), chr(7), '')), '\s+', ' ', 'g'
        ) as paraphrase,
    from synthetic_messages_emitted as emitted
    inner join synthetic_drafts as drafts
        on emitted.draft_index = drafts.draft_index
    where emitted.duplicate_kind = 'near'

),

full_names as (

    select distinct near_duplicates.*, lower(firsts.first_name || ' ' || lasts.last_name) as full_name,
    from near_duplicates
    cross join (select distinct first_name from names) as firsts
    cross join (select distinct last_name from names) as lasts
    where contains(near_duplicates.source_text, lower(firsts.first_name || ' ' || lasts.last_name))

)

select
    count(distinct message_id),
    list(full_name || ': ' || paraphrase order by message_id) filter (where not contains(paraphrase, full_name)),
from full_names
"""


# every planted value (PII and decoys) of a near duplicate's source draft, and whether the paraphrase still holds it
PII_IN_NEAR_DUPLICATES = r"""
with

planted as (

    select
        emitted.message_id,
        regexp_replace(
            lower(replace(replace(emitted.message_text, chr(8203), ''), chr(7), '')), '\s+', ' ', 'g'
        ) as paraphrase,
        lower(unnest(emitted.planted_pii).pii_value) as planted_value,
    from synthetic_messages_emitted as emitted
    where emitted.duplicate_kind = 'near'

)

select
    count(*),
    list(planted_value || ': ' || paraphrase order by message_id, planted_value)
        filter (where not contains(paraphrase, planted_value)),
from planted
"""


def test_the_paraphraser_never_edits_inside_a_name_or_a_planted_value(tmp_path):
    """Near duplicates of messages that hold a generator name keep the name whole (the old paraphraser wrote
    "Thanks, Zoë, Lemaréchal": the redactor then saw two words and one of them reached the export), and every
    planted value whole (it deleted the domain word of "noor.zanchettin [at] mail [dot] example [dot] net").
    Only the generator is built, with many near duplicates, so that enough of them hold a name."""
    vars_ = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES, "synthetic_near_duplicate_rate": 0.3})
    assert run_dbt(["deps", "--quiet"], tmp_path).success
    result = run_dbt(
        ["build", "--select", "+synthetic_messages_emitted", "--resource-type", "seed", "model", "--vars", vars_],
        tmp_path,
    )
    assert result.success, str(result.exception)
    snapshot = copy_with_wal(tmp_path / "curation.duckdb", tmp_path / "snapshot" / "curation.duckdb")
    with duckdb.connect(str(snapshot), read_only=True) as connection:
        [(with_names, cut)] = connection.sql(NAMES_IN_NEAR_DUPLICATES.format(names=PERSON_NAMES)).fetchall()
        [(planted_values, edited)] = connection.sql(PII_IN_NEAR_DUPLICATES).fetchall()
    assert with_names >= 100, f"only {with_names} near duplicates hold a generator name: nothing to measure"
    assert cut is None, f"names cut apart by the paraphraser: {cut}"
    assert planted_values >= 300, f"only {planted_values} planted values in near duplicates: nothing to measure"
    assert edited is None, f"planted values edited by the paraphraser: {edited}"


def test_the_generator_garbles_in_one_layer(default_build):
    """A message whose only noise is mojibake is its draft with every character of text_mojibake_map read as
    one UTF-8 to Windows-1252 mix-up makes it, all at once (the old chain of replacements garbled its own
    output: "É" became "Ãâ€°", "don\u2019t" "donâ€â„¢t")."""
    with (PROJECT_DIR / "seeds" / "text_mojibake_map.csv").open(encoding="utf-8") as handle:
        mapped = {row["repaired"] for row in csv.DictReader(handle)}
    rows = default_build.query(
        "select drafts.clean_text, emitted.message_text from synthetic_messages_emitted as emitted "
        "inner join synthetic_drafts as drafts on emitted.draft_index = drafts.draft_index "
        "where emitted.noise_kinds = ['mojibake'] and emitted.duplicate_kind is null and emitted.defect_kind is null"
    )
    assert len(rows) >= 50, f"only {len(rows)} garbled messages"
    wrong = [
        garbled
        for clean, garbled in rows
        if garbled != "".join(as_cp1252(ch) if ch in mapped else ch for ch in clean.replace("'", "\u2019"))
    ]
    assert wrong == [], f"{len(wrong)} of {len(rows)} not garbled in one layer: {wrong[:3]}"


def test_no_sample_sign_off_name_reaches_the_export(default_build):
    texts = exported_words(default_build)
    leaks = [name for name in SAMPLE_NAMES if any(words(name) in text for text in texts)]
    assert leaks == [], f"sample names in the export: {leaks}"


def raw_user_ids(build) -> set[str]:
    """Every raw user_id: the landing-zone files of the build and the generator's messages."""
    ids: set[str] = set()
    with duckdb.connect() as connection:
        for pattern, reader in (("*.csv", "read_csv"), ("*.jsonl", "read_json"), ("*.parquet", "read_parquet")):
            for path in sorted(RAW_MESSAGES.glob(pattern)):
                options = ", all_varchar = true" if reader == "read_csv" else ""
                relation = f"{reader}('{path}'{options})"
                columns = [row[0] for row in connection.sql(f"describe select * from {relation}").fetchall()]
                if "user_id" in columns:
                    query = f"select distinct user_id::varchar from {relation} where user_id is not null"
                    ids |= {value for (value,) in connection.sql(query).fetchall()}
    generated = build.query("select distinct user_id from synthetic_messages where user_id is not null")
    ids |= {value for (value,) in generated}
    return {value for value in ids if value.strip()}


def test_raw_user_id_never_leaves_staging(default_build):
    ids = raw_user_ids(default_build)
    assert len(ids) > 100, "too few raw user ids to prove anything"
    id_list = ", ".join("'" + value.replace("'", "''") + "'" for value in sorted(ids))

    def leaked(column: str) -> str:
        return f'"{column}" in ({id_list}) or contains("{column}", \'syn-user-\')'

    columns = [
        (table, column)
        for table, column in default_build.query(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'main' and data_type = 'VARCHAR' order by table_name, column_name"
        )
        if not table.startswith(ALLOWED_PREFIXES)
    ]
    assert len(columns) > 50, "too few columns checked"
    counts = " union all ".join(
        f"select '{table}.{column}' as place, count(*) as hits from main.\"{table}\" where {leaked(column)}"
        for table, column in columns
    )
    leaks = [f"{place}: {hits} rows" for place, hits in default_build.query(counts) if hits]
    export_columns = default_build.export_rows(
        "select column_name from (describe export) where column_type = 'VARCHAR'"
    )
    export_counts = " union all ".join(
        f"select 'export.{column}' as place, count(*) as hits from export where {leaked(column)}"
        for (column,) in export_columns
    )
    leaks += [f"{place}: {hits} rows" for place, hits in default_build.export_rows(export_counts) if hits]
    assert leaks == [], "raw user ids outside staging:\n" + "\n".join(leaks)


def test_missing_pseudonym_key_stops_the_run_when_required(tmp_path, monkeypatch):
    monkeypatch.delenv("PRIVACY_PSEUDONYM_KEY", raising=False)
    vars_ = json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES, "require_pseudonym_key": True})
    deps = run_dbt(["deps", "--quiet"], tmp_path)
    assert deps.success
    result = run_dbt(["parse", "--no-partial-parse", "--vars", vars_], tmp_path)
    assert not result.success
    assert "PRIVACY_PSEUDONYM_KEY" in str(result.exception)
    monkeypatch.setenv("PRIVACY_PSEUDONYM_KEY", "a-test-secret")
    assert run_dbt(["parse", "--no-partial-parse", "--vars", vars_], tmp_path).success
