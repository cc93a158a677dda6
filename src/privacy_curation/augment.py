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
from functools import cached_property, lru_cache

import numpy as np

from privacy_curation.seeded_generators import SeededGenerators
from privacy_curation.seeding import spread, stable_seed

PLACEHOLDER = re.compile(r"<[A-Z_]+>")
# a word: leading punctuation, the core (letters, digits, inner ' and -), trailing punctuation
WORD = re.compile(r"^(\W*)(\w(?:[\w'\u2019-]*\w)?)(\W*)$")
EDITS = ("synonym", "swap", "dropout")
# attempts whose generators are seeded together (vectorised); a class stops within one batch of its need
GENERATOR_BATCH = 4096

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


def synonym_candidates(tokens: Sequence[str], words: Mapping[str, Sequence[str]]) -> list:
    """(position, (prefix, core, suffix), synonyms) of each word of the text the lexicon knows."""
    candidates = []
    for position, token in enumerate(tokens):
        parts = editable_word(token)
        if parts is None:
            continue
        core = parts[1]
        synonyms = words.get(core) or words.get(core.lower())
        if synonyms:
            candidates.append((position, parts, synonyms))
    return candidates


def replace_synonym(
    tokens: Sequence[str], words: Mapping[str, Sequence[str]], rng: np.random.Generator, candidates=None
):
    """One lexicon word replaced by a synonym, or None when no word of the text is in the lexicon.

    ``candidates``: the text's :func:`synonym_candidates` when already worked out."""
    if candidates is None:
        candidates = synonym_candidates(tokens, words)
    if not candidates:
        return None
    position, (prefix, core, suffix), synonyms = candidates[int(rng.integers(len(candidates)))]
    synonym = synonyms[int(rng.integers(len(synonyms)))]
    edited = list(tokens)
    edited[position] = prefix + with_case_of(core, synonym) + suffix
    return edited


def swap_candidates(tokens: Sequence[str]) -> tuple[list, list[int]]:
    """The word parts of each token and the positions ``i`` where tokens i and i + 1 may be swapped."""
    parts = [editable_word(token) for token in tokens]
    pairs = [
        i
        for i in range(len(tokens) - 1)
        if parts[i] is not None and parts[i + 1] is not None and parts[i][1] != parts[i + 1][1]
    ]
    return parts, pairs


def swap_words(tokens: Sequence[str], rng: np.random.Generator, candidates=None):
    """Two neighbouring, different words swapped (cores only), or None when no such pair exists.

    ``candidates``: the text's :func:`swap_candidates` when already worked out."""
    parts, pairs = swap_candidates(tokens) if candidates is None else candidates
    if not pairs:
        return None
    i = pairs[int(rng.integers(len(pairs)))]
    (left_prefix, left, left_suffix), (right_prefix, right, right_suffix) = parts[i], parts[i + 1]
    edited = list(tokens)
    edited[i] = left_prefix + right + left_suffix
    edited[i + 1] = right_prefix + left + right_suffix
    return edited


def drop_candidates(tokens: Sequence[str]) -> list[int]:
    """Positions of the words that may be dropped: inner words, never a placeholder, never between
    two number groups (which would join them into one longer number); none in texts under 4 words."""
    if len(tokens) < 4:
        return []
    return [
        i
        for i in range(1, len(tokens) - 1)
        if editable_word(tokens[i]) and not (is_protected(tokens[i - 1]) and is_protected(tokens[i + 1]))
    ]


def drop_word(tokens: Sequence[str], rng: np.random.Generator, candidates=None):
    """One inner word dropped (never the first or last token, never a placeholder), or None.

    ``candidates``: the text's :func:`drop_candidates` when already worked out."""
    if candidates is None:
        candidates = drop_candidates(tokens)
    if not candidates:
        return None
    drop = candidates[int(rng.integers(len(candidates)))]
    return [token for i, token in enumerate(tokens) if i != drop]


class SourceText:
    """A source text's tokens and, worked out on first use, the candidates of each edit on them:
    a source is edited several times (once per copy) and its first edit always starts from them."""

    def __init__(self, text: str, words: Mapping[str, Sequence[str]]):
        self.text = text
        self.tokens = text.split(" ")
        self.words = words

    @cached_property
    def synonym(self) -> list:
        return synonym_candidates(self.tokens, self.words)

    @cached_property
    def swap(self) -> tuple[list, list[int]]:
        return swap_candidates(self.tokens)

    @cached_property
    def dropout(self) -> list[int]:
        return drop_candidates(self.tokens)


def apply_edit(
    name: str,
    tokens: Sequence[str],
    words: Mapping[str, Sequence[str]],
    rng: np.random.Generator,
    source: SourceText | None = None,
):
    """Edit ``name`` on the tokens; ``source``: the tokens are that source text's, its candidates apply."""
    if name == "synonym":
        return replace_synonym(tokens, words, rng, source.synonym if source else None)
    if name == "swap":
        return swap_words(tokens, rng, source.swap if source else None)
    return drop_word(tokens, rng, source.dropout if source else None)


def augment_text(
    text: str, language: str | None, lexicon: Lexicon, rng: np.random.Generator, source: SourceText | None = None
):
    """A new text from ``text`` and the edits that made it, or ``(None, [])`` when no edit changes it.

    ``source``: ``SourceText(text, lexicon words of the language)``, reused across the text's copies."""
    words = lexicon.get(language or "", {})
    if source is None:
        source = SourceText(text, words)
    tokens = source.tokens
    others = ["swap", "dropout"] if rng.random() < 0.5 else ["dropout", "swap"]
    order = ["synonym", *others]
    done: list[str] = []
    for name in order:
        edited = apply_edit(name, tokens, words, rng, source)
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
    attempts = spread(needed + size, size, order_rng).tolist()
    copy_number: dict[int, int] = {}
    sources: dict[int, SourceText] = {}
    generators = None
    for attempt, source in enumerate(attempts):
        if len(result.texts) == needed:
            break
        if attempt % GENERATOR_BATCH == 0:
            # the next batch of attempts' generators, seeded by the source id and copy number
            seeds = []
            for batch_source in attempts[attempt : attempt + GENERATOR_BATCH]:
                number = copy_number.get(batch_source, 0)
                copy_number[batch_source] = number + 1
                seeds.append(stable_seed(seed, "augment", example_ids[batch_source], number))
            generators = SeededGenerators(seeds)
        rng = generators.fresh(attempt % GENERATOR_BATCH)
        if source not in sources:
            sources[source] = SourceText(texts[source], lexicon.get(languages[source] or "", {}))
        new_text, edits = augment_text(texts[source], languages[source], lexicon, rng, sources[source])
        if new_text is None:
            result.skipped += 1
            continue
        result.texts.append(new_text)
        result.sources.append(int(source))
        result.edits.append(edits)
    return result
