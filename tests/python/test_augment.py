"""Unit tests of the text augmenter (balance_method: augment) and its seed lexicon, without dbt."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from privacy_curation.augment import (
    augment_class,
    augment_text,
    build_lexicon,
    drop_word,
    is_protected,
    replace_synonym,
    split_word,
    swap_words,
)

SEED_FILE = Path(__file__).resolve().parents[2] / "seeds" / "augment_synonyms.csv"
LEXICON = build_lexicon([("en", "data", "information"), ("en", "delete", "erase"), ("de", "Daten", "Angaben")])


def rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def test_seed_lexicon_covers_every_language_with_a_few_hundred_entries():
    with SEED_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 250
    assert {row["language"] for row in rows} == {"en", "de", "fr", "es", "pt", "it", "nl"}
    assert all(row["term"] != row["synonym"] for row in rows)
    assert len({(row["language"], row["term"]) for row in rows}) == len(rows), "a term is listed twice"


def test_placeholders_are_protected():
    assert is_protected("<EMAIL>") and is_protected("(<PHONE>).") and not is_protected("email")
    assert is_protected("4111") and is_protected("#12345,")
    assert split_word("data.") == ("", "data", ".") and split_word("...") is None


def test_synonym_keeps_punctuation_and_capital():
    edited = replace_synonym(["Delete", "my", "data."], LEXICON["en"], rng())
    assert edited in (["Erase", "my", "data."], ["Delete", "my", "information."])
    assert replace_synonym(["hello", "there"], LEXICON["en"], rng()) is None


def test_swap_and_dropout_leave_placeholders_alone():
    tokens = ["<EMAIL>", "please", "<PHONE>", "call", "<URL>"]
    assert swap_words(tokens, rng()) is None
    for seed in range(20):
        dropped = drop_word(["write", "to", "<EMAIL>", "now", "<PHONE>", "please"], rng(seed))
        assert dropped is not None and "<EMAIL>" in dropped and "<PHONE>" in dropped
        assert dropped[0] == "write" and dropped[-1] == "please"


def test_augmented_text_differs_keeps_placeholders_and_is_deterministic():
    text = "Please delete all data you hold, reply to <EMAIL> or call <PHONE>."
    for seed in range(30):
        new, edits = augment_text(text, "en", LEXICON, rng(seed))
        assert new is not None and new != text and edits
        assert new.count("<EMAIL>") == 1 and new.count("<PHONE>") == 1
        assert (new, edits) == augment_text(text, "en", LEXICON, rng(seed))


def test_a_text_no_edit_can_change_is_skipped():
    assert augment_text("<EMAIL>", "en", LEXICON, rng()) == (None, [])


def test_augment_class_fills_the_need_from_spread_sources_and_skips_what_it_cannot_edit():
    texts = ["delete my data now please", "<EMAIL>", "Daten bitte sofort löschen"]
    result = augment_class(texts, ["en", "en", "de"], ["msg-a", "msg-b", "msg-c"], 6, LEXICON, seed=42)
    assert len(result.texts) == 6 and 1 not in result.sources and result.skipped >= 1
    assert all(new != texts[source] for new, source in zip(result.texts, result.sources, strict=True))
    again = augment_class(texts, ["en", "en", "de"], ["msg-a", "msg-b", "msg-c"], 6, LEXICON, seed=42)
    assert again.texts == result.texts and again.sources == result.sources
    other = augment_class(texts, ["en", "en", "de"], ["msg-a", "msg-b", "msg-c"], 6, LEXICON, seed=7)
    assert other.texts != result.texts
    nothing = augment_class(["<EMAIL>"], ["en"], ["msg-b"], 3, LEXICON, seed=1)
    assert nothing.texts == [] and nothing.skipped == 4


def test_edits_never_move_or_join_number_groups():
    tokens = ["order", "4111", "1111", "and", "1111", "1112", "thanks", "a", "lot"]
    for seed in range(30):
        dropped = drop_word(tokens, rng(seed))
        assert dropped is not None and "and" in dropped
        swapped = swap_words(tokens, rng(seed))
        assert swapped is not None and [t for t in swapped if t[0].isdigit()] == ["4111", "1111", "1111", "1112"]
