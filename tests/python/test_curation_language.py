"""Language detection, measured against the generator's ground truth (model report_language_quality)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.dbt

LANGUAGES = {"en", "de", "fr", "es", "pt", "it", "nl"}
# Every language the generator writes must be recognised in at least 90% of its messages: a
# profile that fails one language cannot hide behind English, which is over half the traffic.
MIN_RECALL = 0.90


def report(build) -> dict[tuple[str, str], tuple[float, float | None, bool | None, int]]:
    rows = build.query(
        "select metric, slice, value, target, meets_target, support "
        "from report_language_quality where stage = 'language'"
    )
    return {(metric, slice_): (value, target, meets, support) for metric, slice_, value, target, meets, support in rows}


def test_overall_accuracy_meets_its_target(default_build):
    value, target, meets, support = report(default_build)[("accuracy", "all")]
    assert support > 5000, "the report measured too few messages"
    assert target == 0.95
    assert value >= 0.95 and meets, f"language accuracy {value} is below 0.95"


def test_every_language_is_recalled(default_build):
    rows = report(default_build)
    recalls = {slice_: value for (metric, slice_), (value, *_) in rows.items() if metric == "recall"}
    assert set(recalls) == LANGUAGES, "the report should have a recall row for every generated language"
    weak = {language: recall for language, recall in recalls.items() if recall < MIN_RECALL}
    assert weak == {}, f"languages recalled in under {MIN_RECALL:.0%} of their messages: {weak}"


def test_the_locale_decides_rarely_and_little_is_undetermined(default_build):
    rows = report(default_build)
    # The locale only breaks ties: if it decided often, the text would not be what is measured.
    assert rows[("locale_tie_break_share", "all")][0] <= 0.02
    assert rows[("und_share", "all")][0] <= 0.01


def test_only_exported_languages_pass_validation(default_build):
    [(languages,)] = default_build.query("select list(distinct language order by language) from curated_messages")
    assert set(languages) <= LANGUAGES
    # und is not in the default export_languages: no und row may pass the row rules.
    [(und_passing,)] = default_build.query(
        "select count(*) from int_messages_language join int_messages_validated using (raw_row_id) "
        "where language not in ('en', 'de', 'fr', 'es', 'pt', 'it', 'nl') and rejection_reason is null"
    )
    assert und_passing == 0
