"""The exported Parquet and manifest, read back from disk, against the export contract."""

from __future__ import annotations

import csv
import hashlib
import json
import re

import pyarrow.parquet as pq
import pytest
from conftest import PROJECT_DIR

pytestmark = pytest.mark.dbt

# the labels of the taxonomy seed, the one list of intents
with (PROJECT_DIR / "seeds" / "intent_taxonomy.csv").open(newline="", encoding="utf-8") as taxonomy:
    INTENTS = {row["intent"] for row in csv.DictReader(taxonomy)}
REQUIRED_COLUMNS = {
    "example_id", "message_id", "text", "intent", "split", "is_synthetic", "synthesis_method",
    "channel", "locale", "language", "jurisdiction", "label_confidence", "annotator_agreement",
    "dataset_version",
}  # fmt: skip
CARD_CANDIDATE = re.compile(r"\b\d(?:[ -]?\d){12,18}\b")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4})|\(\d{3}\) ?\d{3}-\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b"
)


def test_export_has_the_contract_columns(default_build):
    schema = pq.read_schema(default_build.parquet)
    assert set(schema.names) >= REQUIRED_COLUMNS
    assert any(name.startswith("f_") for name in schema.names)
    assert "user_id" not in schema.names and "user_pseudonym" not in schema.names


def test_every_label_and_split_is_present(default_build):
    rows = default_build.export_rows("select distinct intent, split from export")
    assert {intent for intent, _ in rows} == INTENTS
    assert {split for _, split in rows} == {"train", "validation", "test", "control"}
    for split in ("train", "validation", "test", "control"):
        assert {intent for intent, s in rows if s == split} == INTENTS, f"a label is missing from {split}"


def test_example_id_is_unique_and_not_null(default_build):
    [(total, distinct, nulls)] = default_build.export_rows(
        "select count(*), count(distinct example_id), count(*) - count(example_id) from export"
    )
    assert total > 0 and total == distinct and nulls == 0


def test_no_email_or_phone_survives_in_text(default_build):
    texts = [text for (text,) in default_build.export_rows("select text from export where text is not null")]
    assert texts
    leaks = [text for text in texts if EMAIL.search(text) or PHONE.search(text)]
    assert leaks == [], f"{len(leaks)} texts still hold an e-mail or phone number, e.g. {leaks[:3]}"


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(int(d) for d in reversed(digits)):
        doubled = digit * 2 if position % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def test_luhn_helper_knows_a_card_from_a_typo():
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")


def test_no_payment_card_survives_in_text(default_build):
    texts = [text for (text,) in default_build.export_rows("select text from export where text is not null")]
    leaks = [
        text for text in texts for candidate in CARD_CANDIDATE.findall(text) if luhn_valid(re.sub(r"\D", "", candidate))
    ]
    assert leaks == [], f"{len(leaks)} texts still hold a Luhn-valid card number, e.g. {leaks[:3]}"


def test_no_message_in_two_splits(default_build):
    rows = default_build.export_rows(
        "select message_id from export where message_id is not null "
        "group by message_id having count(distinct split) > 1 or count(*) > 1"
    )
    assert rows == []


def test_only_train_has_synthetic_rows(default_build):
    rows = default_build.export_rows(
        "select split, synthesis_method, count(*), count(text), count(message_id) "
        "from export where is_synthetic group by all"
    )
    assert rows, "the balancer made no rows on the default build"
    for split, method, count, texts, message_ids in rows:
        assert split == "train"
        # the default balance_method, augment, writes new texts: every synthetic row carries one
        assert method == "augment"
        assert texts == count and message_ids == 0
    [(non_synthetic_methods,)] = default_build.export_rows(
        "select count(*) from export where not is_synthetic and synthesis_method != 'none'"
    )
    assert non_synthetic_methods == 0


def test_balancing_raises_train_and_keeps_natural_mix_elsewhere(default_build):
    counts = dict(
        ((split, intent), n)
        for split, intent, n in default_build.export_rows("select split, intent, count(*) from export group by all")
    )
    train = {intent: counts[("train", intent)] for intent in INTENTS}
    assert min(train.values()) >= 0.5 * max(train.values()) - 1
    test = {intent: counts[("test", intent)] for intent in INTENTS}
    assert max(test.values()) > 5 * min(test.values()), "the test split should keep the natural imbalance"


def test_counts_are_integers_and_flags_booleans_in_the_parquet_also_on_synthetic_rows(default_build):
    types = dict(default_build.export_rows("select column_name, column_type from (describe export)"))
    features = {name: kind for name, kind in types.items() if name.startswith("f_")}
    counts = [name for name in features if name.endswith("_count") or name.startswith("f_lexicon_hits_")]
    flags = [
        name
        for name in features
        if name.startswith(("f_is_", "f_ends_with_", "f_channel_", "f_regulation_"))
        or (name.startswith("f_lexicon_") and not name.startswith("f_lexicon_hits_"))
    ]
    assert {features[name] for name in counts} == {"BIGINT"}, features
    assert {features[name] for name in flags} == {"BOOLEAN"}, features
    rest = set(features) - set(counts) - set(flags)
    assert rest == {
        "f_mean_word_length",
        "f_mean_token_length",
        "f_content_word_share",
        "f_digit_share",
        "f_uppercase_share",
    }
    assert {features[name] for name in rest} == {"DOUBLE"}
    # balancer rows (augmented here; SMOTE rows are rounded and clipped, test_balance_methods) stay in range
    [(negative, synthetic_rows)] = default_build.export_rows(
        "select count(*) filter (where f_word_count < 0 or f_pii_total_count < 0), count(*) "
        "from export where is_synthetic"
    )
    assert negative == 0 and synthetic_rows > 0


def test_synthetic_rows_keep_one_channel_and_one_regulation(default_build):
    # Augmented rows keep their source's features; SMOTE rows (test_balance_methods) interpolate and
    # round: a one-hot group stays one-hot unless the draw lands exactly halfway.
    [(broken,)] = default_build.export_rows(
        "select count(*) from export where is_synthetic and ("
        "f_channel_email::int + f_channel_chat::int + f_channel_web_form::int + f_channel_support_ticket::int "
        "+ f_channel_phone_transcript::int + f_channel_app_review::int + f_channel_social_media::int != 1 "
        "or f_regulation_gdpr::int + f_regulation_uk_gdpr::int + f_regulation_ccpa_cpra::int "
        "+ f_regulation_pipeda::int + f_regulation_lgpd::int + f_regulation_lfpdppp::int "
        "+ f_regulation_quebec_law_25::int + f_regulation_revfadp::int + f_regulation_privacy_act_1988::int != 1)"
    )
    assert broken == 0


def test_manifest_matches_the_parquet_file(default_build):
    manifest = json.loads(default_build.manifest.read_text())
    assert manifest["parquet_sha256"] == hashlib.sha256(default_build.parquet.read_bytes()).hexdigest()
    rows = default_build.export_rows("select split, intent, count(*) from export group by all")
    assert manifest["row_count"] == sum(n for *_, n in rows)
    for split, intent, n in rows:
        assert manifest["counts_by_split_and_intent"][split][intent] == n
    assert manifest["vars"]["synthetic_messages"] == 6000
    assert {"dbt-core", "duckdb", "pandas", "scikit-learn"} <= set(manifest["package_versions"])
    # imbalanced-learn is the test oracle of the SMOTE family, not a package that shapes the export
    assert "imbalanced-learn" not in manifest["package_versions"]
    [(version,)] = default_build.export_rows("select distinct dataset_version from export")
    assert manifest["dataset_version"] == version


def test_manifest_accounts_for_every_raw_row(default_build):
    accounting = json.loads(default_build.manifest.read_text())["row_accounting"]
    [(raw_messages,)] = default_build.query("select count(*) from main.int_messages_unioned")
    messages = accounting["messages"]
    assert messages["raw"] == raw_messages
    assert messages["raw"] == messages["kept"] + messages["duplicates"] + messages["quarantined"]
    assert messages["quarantined"] == sum(messages["quarantined_by_reason"].values())
    assert messages["duplicates"] > 0 and messages["quarantined"] > 0
    annotations = accounting["annotations"]
    assert annotations["raw"] == annotations["kept"] + annotations["quarantined"]
    [(real_examples,)] = default_build.export_rows("select count(*) from export where not is_synthetic")
    assert real_examples == messages["kept"]


def test_origin_and_has_text_say_where_each_row_comes_from_and_whether_it_has_text(default_build):
    rows = default_build.export_rows(
        "select origin, is_synthetic, synthesis_method, message_source, has_text, count(*), count(text) "
        "from export group by all order by all"
    )
    expected = {
        ("generator", False, "none", "synthetic", True),
        ("raw_file", False, "none", "raw_file", True),
        ("augmentation", True, "augment", "balancer", True),  # the default balance_method
    }
    assert {row[:5] for row in rows} == expected, rows
    for *_, has_text, count, with_text in rows:
        assert with_text == (count if has_text else 0)
