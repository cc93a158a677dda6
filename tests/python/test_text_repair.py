"""Unit tests of the ftfy mojibake repair, on text garbled the way real pipelines garble it."""

from __future__ import annotations

import pytest
from garbling import as_cp1252, as_latin1, garble

from privacy_curation.text_repair import MOJIBAKE_MARKER, repair_encoding, repair_encodings, undo_word

# cp1252 leaves five bytes undefined; browsers and most pipelines decode them as Latin-1 (C1 controls)
CLEAN_TEXTS = [
    "Love the app 😍 but it crashes ⚡ every time… don\u2019t update!",
    "Très déçu 😡 \u2014 l\u2019appli plante à chaque ouverture",
    "Viele Grüße 👍 aus Köln, die App ist großartig",
    "¿Cómo borro mi cuenta? 🙏🏽 Gracias, señora Núñez",
    "Não consigo apagar os meus dados 😤 ★★☆☆☆",
    "Perché l'app mi chiede la posizione? 🤔 Però funziona",
    "Ik wil mijn gegevens laten verwijderen € 5 per maand is te veel 💸",
]


@pytest.mark.parametrize("layers", [1, 2, 3])
@pytest.mark.parametrize("layer", [as_cp1252, as_latin1])
@pytest.mark.parametrize("clean", CLEAN_TEXTS)
def test_layered_mojibake_is_repaired(clean, layer, layers):
    garbled = garble(clean, layer, layers)
    assert garbled != clean
    assert repair_encoding(garbled) == clean


@pytest.mark.parametrize("clean", CLEAN_TEXTS)
def test_clean_text_is_left_alone(clean):
    assert repair_encoding(clean) == clean


def test_upper_case_portuguese_is_not_mojibake():
    assert repair_encoding("NÃO QUERO RECEBER MAIS E-MAILS, INFORMAÇÃO") == "NÃO QUERO RECEBER MAIS E-MAILS, INFORMAÇÃO"


def test_text_mixing_clean_and_garbled_parts_is_repaired():
    assert repair_encoding("don\u2019t ðŸ\u02dc€ and Ã©tÃ© â€œsyncâ€\x9d") == "don\u2019t 😀 and été \u201csync\u201d"


def test_repair_is_stable():
    for clean in CLEAN_TEXTS:
        once = repair_encoding(garble(clean, as_cp1252, 2))
        assert repair_encoding(once) == once


def test_column_repair_keeps_order_and_nulls():
    assert repair_encodings(["Ã©tÃ©", None, "ok"]) == ["été", None, "ok"]


@pytest.mark.parametrize("cut", [5, 20, 40, 60])
def test_text_garbled_only_after_clean_words_is_repaired(cut):
    clean = CLEAN_TEXTS[0]
    assert repair_encoding(clean[:cut] + garble(clean[cut:], as_cp1252, 2)) == clean
    assert repair_encoding(clean[:cut] + garble(clean[cut:], as_cp1252, 1)) == clean


def test_words_that_do_not_decode_stay_as_they_are():
    assert undo_word("Gu\u00f0r\u00fan") == "Gu\u00f0r\u00fan"
    assert undo_word("\u00f0\u00e2\u00c2\u00e2\u00c2\u00a1") == "\u00f0\u00e2\u00c2\u00e2\u00c2\u00a1"


def test_text_lower_cased_after_garbling_is_not_read_as_east_asian():
    # "è" garbled to "\u00c3\u00a8", then lower-cased: valid UTF-8 for U+3A28 once read back
    garbled = "il mio nome \u00e3\u00a8\u00a0joris y\u0131ld\u0131r\u0131m"
    assert repair_encoding(garbled) == "il mio nome \u00e8\u00a0joris y\u0131ld\u0131r\u0131m"
    assert undo_word("\u00e3\u00a8\u00a0") == "\u00e3\u00a8\u00a0"


# sign-offs with the generator's names, garbled, then re-cased as a whole (the generator's noise does this)
SIGN_OFFS = [
    "Mit freundlichen Grüßen Greta Takeuchi",
    "Viele Grüße Amara Echeverría",
    "Cordiali saluti, Éloïse Claeys",
    "Saludos, Álvaro Quiroga",
    "Beste Grüße, Çağla Yildirim",
    "Atenciosamente, Inês Figueiredo, Rocío Peñalver",
    "Il mio nome è Zoë Lemaréchal. Merci € 5, don\u2019t",
]


@pytest.mark.parametrize("clean", SIGN_OFFS)
@pytest.mark.parametrize("case", ["lower", "upper"])
def test_text_re_cased_after_garbling_is_repaired_in_its_case(clean, case):
    re_cased = getattr(as_cp1252(clean), case)()
    # "ß" keeps its case: its capital is two letters
    expected = clean.lower() if case == "lower" else clean.upper().replace("GRÜSSE", "GRÜßE")
    assert MOJIBAKE_MARKER.search(re_cased), re_cased
    repaired = repair_encoding(re_cased)
    assert repaired == expected
    assert repair_encoding(repaired) == repaired


def test_a_word_re_cased_after_garbling_is_undone_in_that_case():
    assert undo_word("gr\u00e3\u00bc\u00e3\u00ffen", "lower") == "grüßen"
    assert undo_word("gr\u00e3\u00bc\u00e3\u00ffen") == "gr\u00e3\u00bc\u00e3\u00ffen"
    assert undo_word("DON\u00c2\u20ac\u2122T", "upper") == "DON\u2019T"
