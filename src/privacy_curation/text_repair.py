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
refused, and the SQL normalisation repairs such text with its lower-case pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ftfy
import ftfy.bad_codecs  # registers the sloppy-windows-1252 codec

# the characters Windows-1252 gives bytes 0x80-0x9F (five bytes are undefined)
CP1252_SIGNS = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
MOJIBAKE_MARKER = re.compile(
    # a UTF-8 lead byte read as Windows-1252/Latin-1, then a continuation byte read the same way
    f"[\u00c2\u00c3\u00c4\u00c5\u00c6\u00cb\u00e2\u00f0][\u0080-\u00bf{CP1252_SIGNS}]"
    # the same, lower-cased after it was garbled
    "|[\u00e3\u00e4\u00e5\u00e6\u00eb][\u0080-\u00bf]"
    # layers whose C1 bytes were lost: two lead characters in a row, or an emoji lead before no letter
    "|[\u00c2\u00c3\u00e2][\u00c2\u00c3]|\u00f0(?![^\\W\\d_])"
)
WORD = re.compile(r"\S+")
EAST_ASIAN = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SOURCE_CODECS = ("sloppy-windows-1252", "latin-1")


def is_plausible(original: str, repaired: str) -> bool:
    """False when the repair brings in East Asian characters the original did not have."""
    return not EAST_ASIAN.search(repaired) or bool(EAST_ASIAN.search(original))


def undo_word(word: str) -> str:
    """A word read back as UTF-8 from the bytes it was garbled from, layer after layer, while that succeeds."""
    original = word
    while MOJIBAKE_MARKER.search(word):
        for codec in SOURCE_CODECS:
            try:
                word = word.encode(codec).decode("utf-8")
                break
            except UnicodeError:
                continue
        else:
            break
    return word if is_plausible(original, word) else original


def repair_encoding(text: str | None) -> str | None:
    """The text with its mojibake undone, layer after layer; None stays None."""
    if text is None:
        return None
    repaired = ftfy.fix_encoding(text)
    if not is_plausible(text, repaired):
        repaired = text
    if MOJIBAKE_MARKER.search(repaired):
        repaired = WORD.sub(lambda match: undo_word(match.group()), repaired)
    return repaired


def repair_encodings(texts: Iterable[str | None]) -> list[str | None]:
    """repair_encoding over a column of texts, in order."""
    return [repair_encoding(text) for text in texts]
