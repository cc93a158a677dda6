"""Mojibake repair with ftfy, for the texts the SQL layer flags as candidates.

Real pipelines garble UTF-8 text by decoding it as Windows-1252 or Latin-1, sometimes two or three
times over, so that one emoji becomes four, then eight, then sixteen odd characters. The SQL
normalisation repairs single layers of the common pairs; ftfy undoes whole layers, one after the
other, and leaves text it does not judge garbled as it is. Only its encoding repair runs here:
HTML, quotes, widths and line breaks stay for the SQL normalisation, which runs after it on every text.

ftfy judges a text as a whole, so a text garbled only in part ("... now âš¡" after clean words)
can keep a garbled word. Words that still show mojibake markers (MOJIBAKE_MARKER, the Python twin
of the SQL macro has_mojibake_markers) are then undone one by one: encoded back to the bytes they
were read from and decoded as UTF-8, as long as that decoding succeeds.

Text lower-cased after it was garbled ("il mio nome ã¨ joris") can decode as valid UTF-8 into an
East Asian character ("㨠"): a repair that brings in East Asian characters the text did not have is
refused.

Text written in one case was often re-cased after it was garbled, and its garbled characters with it:
"grüßen" became "grã¼ãÿen" (the lead "Ã" and the Windows-1252 letter "Ÿ" lower-cased), "don\u2019t" in
capitals "DONÂ€™T" and "Éloïse" "Ã‰LOÃ¯SE", whose repair "ÉLOïSE" brings back a lower-case letter.
In a text whose letters are all lower case, a garbled word is tried with those characters in upper
case first; in a text whose letters are all capitals, an upper-cased lead before "€" or "\u201a" ("Â")
or before "Ÿ" ("Ð") is lowered first; the repaired words (or text) are then put back in the text's case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ftfy
import ftfy.bad_codecs  # registers the sloppy-windows-1252 codec

# the characters Windows-1252 gives bytes 0x80-0x9F (five bytes are undefined)
CP1252_SIGNS = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
# after a lower-case lead: the Windows-1252 signs that never follow one of those letters in real text
# ("então…" and "irmã”" do), and the Windows-1252 letters in lower case
LOWER_CASED_CONTINUATION = "\u20ac\u201a\u0192\u201e\u2020\u2021\u02c6\u2030\u2039\u203a\u2122\u0161\u0153\u017e\u00ff"
MOJIBAKE_MARKER = re.compile(
    # a UTF-8 lead byte read as Windows-1252/Latin-1, then a continuation byte read the same way
    f"[\u00c2\u00c3\u00c4\u00c5\u00c6\u00cb\u00e2\u00f0][\u0080-\u00bf{CP1252_SIGNS}]"
    # the same, lower-cased after it was garbled
    f"|[\u00e3\u00e4\u00e5\u00e6\u00eb][\u0080-\u00bf{LOWER_CASED_CONTINUATION}]"
    # layers whose C1 bytes were lost: two lead characters in a row, or an emoji lead before no letter
    "|[\u00c2\u00c3\u00e2][\u00c2\u00c3]|\u00f0(?![^\\W\\d_])"
)
WORD = re.compile(r"\S+")
EAST_ASIAN = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SOURCE_CODECS = ("sloppy-windows-1252", "latin-1")
# lower-cased garbling: the two-byte leads and Windows-1252's "Ÿ" back in upper case
LOWER_CASED_GARBLING = str.maketrans("\u00e3\u00e4\u00e5\u00e6\u00eb\u00ff", "\u00c3\u00c4\u00c5\u00c6\u00cb\u0178")
# upper-cased garbling: the lead of "€", the curly quotes, "…" ("â") and of emoji ("ð") in upper case
UPPER_CASED_LEAD = re.compile("\u00c2(?=[\u20ac\u201a])|\u00d0(?=\u0178)")


def letter_case(text: str) -> str | None:
    """ "lower" or "upper" when every cased letter of the text is in that case (and there is one), else None.
    A letter is cased when it has another case: "ª" and "º" (in garbled "ê" and "ú") are not."""
    has_lower = any(character != character.upper() for character in text)
    has_upper = any(character != character.lower() for character in text)
    if has_lower == has_upper:
        return None
    return "lower" if has_lower else "upper"


def as_garbled(text: str, case: str | None) -> str:
    """The garbled characters of a text re-cased after garbling, put back in the case garbling gave them."""
    if case == "lower":
        return text.translate(LOWER_CASED_GARBLING)
    if case == "upper":
        return UPPER_CASED_LEAD.sub(lambda match: match.group().lower(), text)
    return text


def in_case(text: str, case: str | None) -> str:
    """The text in the given case ("ß" stays: its capital is two letters); any other case leaves it as it is."""
    if case == "lower":
        return text.lower()
    if case == "upper":
        return "".join(character.upper() if len(character.upper()) == 1 else character for character in text)
    return text


def is_plausible(original: str, repaired: str) -> bool:
    """False when the repair brings in East Asian characters the original did not have."""
    return not EAST_ASIAN.search(repaired) or bool(EAST_ASIAN.search(original))


def decoded(word: str) -> str | None:
    """The word's characters read back as the bytes of one codec and decoded as UTF-8; None when that fails."""
    for codec in SOURCE_CODECS:
        try:
            return word.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return None


def undo_word(word: str, case: str | None = None) -> str:
    """A word read back as UTF-8 from the bytes it was garbled from, layer after layer, while that succeeds;
    in a text written in one case (case "lower" or "upper"), tried re-cased first and put back in that case."""
    original = word
    while MOJIBAKE_MARKER.search(word):
        candidates = dict.fromkeys((as_garbled(word, case), word))
        undone = next((text for text in map(decoded, candidates) if text is not None), None)
        if undone is None:
            break
        word = undone
    if word != original:
        word = in_case(word, case)
    return word if is_plausible(original, word) else original


def repair_encoding(text: str | None) -> str | None:
    """The text with its mojibake undone, layer after layer; None stays None."""
    if text is None:
        return None
    case = letter_case(text)
    repaired = ftfy.fix_encoding(as_garbled(text, "upper") if case == "upper" else text)
    if not is_plausible(text, repaired):
        repaired = text
    if MOJIBAKE_MARKER.search(repaired):
        repaired = WORD.sub(lambda match: undo_word(match.group(), case), repaired)
    return in_case(repaired, case) if case == "upper" and repaired != text else repaired


def repair_encodings(texts: Iterable[str | None]) -> list[str | None]:
    """repair_encoding over a column of texts, in order."""
    return [repair_encoding(text) for text in texts]
