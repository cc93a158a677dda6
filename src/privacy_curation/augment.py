"""Text-level oversampling (``balance_method: augment``): new train texts by small deterministic edits.

Three edits, all on space-separated words, never on a redaction placeholder such as ``<EMAIL>``:

* **synonym**: one word found in the seed lexicon ``augment_synonyms`` (per language) is replaced by
  its synonym, keeping the word's punctuation and initial capital;
* **swap**: two neighbouring words trade places (their punctuation stays where it was);
* **dropout**: one word that is neither the first nor the last is dropped (texts of 4+ words).

Each new text starts from a real train row and applies one edit (a synonym when the lexicon knows a
word of the text, else a seeded choice of swap or dropout), then a second one with probability one
half. The random generator is seeded by ``random_seed``, the source example id and the copy number,
so the same inputs always give the same texts. A text that no edit changes is skipped (reported).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from privacy_curation.balancing import spread, stable_seed

PLACEHOLDER = re.compile(r"<[A-Z_]+>")
# a word: leading punctuation, the core (letters, digits, inner ' and -), trailing punctuation
WORD = re.compile(r"^(\W*)(\w(?:[\w'\u2019-]*\w)?)(\W*)$")
EDITS = ("synonym", "swap", "dropout")

Lexicon = Mapping[str, Mapping[str, tuple[str, ...]]]


def build_lexicon(rows: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """``{language: {term: (synonym, ...)}}`` from (language, term, synonym) rows, keyed by the term as
    written and by its lower-case form; synonyms sorted so the lexicon does not depend on row order."""
    lexicon: dict[str, dict[str, set[str]]] = {}
    for language, term, synonym in rows:
        if not term or not synonym or term == synonym:
            continue
        words = lexicon.setdefault(language, {})
        words.setdefault(term, set()).add(synonym)
        words.setdefault(term.lower(), set()).add(synonym)
    return {lang: {term: tuple(sorted(syns)) for term, syns in words.items()} for lang, words in lexicon.items()}


# Texts share most of their words and each source text is edited several times, so the token tests
# below are cached: pure functions of the token, bounded caches (about 70 bytes a token + the token).
TOKEN_CACHE_SIZE = 1 << 20


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def is_protected(token: str) -> bool:
    """True for tokens an edit must not touch: redaction placeholders and anything around them, and
    tokens holding a digit (moving number groups could assemble a valid card number or IBAN)."""
    return PLACEHOLDER.search(token) is not None or any(character.isdigit() for character in token)


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def split_word(token: str) -> tuple[str, str, str] | None:
    """(prefix, core, suffix) of a word token, or None for a token without a word core."""
    match = WORD.match(token)
    return match.groups() if match else None


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def editable_word(token: str) -> tuple[str, str, str] | None:
    """(prefix, core, suffix) of a word an edit may touch; None for a protected token or a non-word."""
    return None if is_protected(token) else split_word(token)


def with_case_of(original: str, replacement: str) -> str:
    """The replacement with the original's initial capital."""
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def replace_synonym(tokens: Sequence[str], words: Mapping[str, Sequence[str]], rng: np.random.Generator):
    """One lexicon word replaced by a synonym, or None when no word of the text is in the lexicon."""
    candidates = []
    for position, token in enumerate(tokens):
        parts = editable_word(token)
        if parts is None:
            continue
        core = parts[1]
        synonyms = words.get(core) or words.get(core.lower())
        if synonyms:
            candidates.append((position, parts, synonyms))
    if not candidates:
        return None
    position, (prefix, core, suffix), synonyms = candidates[int(rng.integers(len(candidates)))]
    synonym = synonyms[int(rng.integers(len(synonyms)))]
    edited = list(tokens)
    edited[position] = prefix + with_case_of(core, synonym) + suffix
    return edited


def swap_words(tokens: Sequence[str], rng: np.random.Generator):
    """Two neighbouring, different words swapped (cores only), or None when no such pair exists."""
    parts = [editable_word(token) for token in tokens]
    pairs = [
        i
        for i in range(len(tokens) - 1)
        if parts[i] is not None and parts[i + 1] is not None and parts[i][1] != parts[i + 1][1]
    ]
    if not pairs:
        return None
    i = pairs[int(rng.integers(len(pairs)))]
    (left_prefix, left, left_suffix), (right_prefix, right, right_suffix) = parts[i], parts[i + 1]
    edited = list(tokens)
    edited[i] = left_prefix + right + left_suffix
    edited[i + 1] = right_prefix + left + right_suffix
    return edited


def drop_word(tokens: Sequence[str], rng: np.random.Generator):
    """One inner word dropped (never the first or last token, never a placeholder), or None."""
    if len(tokens) < 4:
        return None
    candidates = [
        i
        for i in range(1, len(tokens) - 1)
        if editable_word(tokens[i])
        # never join two number groups into one longer number
        and not (is_protected(tokens[i - 1]) and is_protected(tokens[i + 1]))
    ]
    if not candidates:
        return None
    drop = candidates[int(rng.integers(len(candidates)))]
    return [token for i, token in enumerate(tokens) if i != drop]


def apply_edit(name: str, tokens: Sequence[str], words: Mapping[str, Sequence[str]], rng: np.random.Generator):
    if name == "synonym":
        return replace_synonym(tokens, words, rng)
    if name == "swap":
        return swap_words(tokens, rng)
    return drop_word(tokens, rng)


def augment_text(text: str, language: str | None, lexicon: Lexicon, rng: np.random.Generator):
    """A new text from ``text`` and the edits that made it, or ``(None, [])`` when no edit changes it."""
    tokens = text.split(" ")
    words = lexicon.get(language or "", {})
    others = ["swap", "dropout"] if rng.random() < 0.5 else ["dropout", "swap"]
    order = ["synonym", *others]
    done: list[str] = []
    for name in order:
        edited = apply_edit(name, tokens, words, rng)
        if edited is not None and edited != tokens:
            tokens, done = edited, [name]
            break
    if done and rng.random() < 0.5:
        for name in order:
            if name == done[0]:
                continue
            edited = apply_edit(name, tokens, words, rng)
            if edited is not None and edited != tokens:
                tokens = edited
                done.append(name)
                break
    new_text = " ".join(tokens)
    if not done or new_text == text:
        return None, []
    return new_text, done


@dataclass
class Augmented:
    """New texts for one class: the text, the sample row it came from and the edits applied."""

    texts: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    edits: list[list[str]] = field(default_factory=list)
    skipped: int = 0


def augment_class(
    texts: Sequence[str],
    languages: Sequence[str | None],
    example_ids: Sequence[str],
    needed: int,
    lexicon: Lexicon,
    seed: int,
) -> Augmented:
    """``needed`` edited texts from a class's real rows, sources spread evenly in a seeded order.

    A source whose edits leave the text unchanged is skipped and the next source is tried; after
    ``needed + len(texts)`` attempts the class stops short (the shortfall is reported).
    """
    result = Augmented()
    size = len(texts)
    if needed <= 0 or size == 0:
        return result
    order_rng = np.random.default_rng(stable_seed(seed, "augment-order", example_ids[0]))
    attempts = spread(needed + size, size, order_rng)
    copy_number: dict[int, int] = {}
    for source in attempts:
        if len(result.texts) == needed:
            break
        number = copy_number.get(int(source), 0)
        copy_number[int(source)] = number + 1
        rng = np.random.default_rng(stable_seed(seed, "augment", example_ids[source], number))
        new_text, edits = augment_text(texts[source], languages[source], lexicon, rng)
        if new_text is None:
            result.skipped += 1
            continue
        result.texts.append(new_text)
        result.sources.append(int(source))
        result.edits.append(edits)
    return result
