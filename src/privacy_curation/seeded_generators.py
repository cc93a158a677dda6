"""Many seeded random generators, cheaply: the states ``np.random.default_rng(seed)`` starts from,
worked out for a whole array of seeds at once.

``np.random.default_rng(seed)`` costs about 25 microseconds, most of it hashing the seed through a
``SeedSequence``; a model that needs one fresh generator per output row (the augmenter) spends more
time there than on its edits. :func:`pcg64_states` runs the same ``SeedSequence`` hash (NumPy's
documented algorithm, part of its stream-compatibility promise) vectorised over the seeds, and
:class:`SeededGenerators` loads each state into one reused ``Generator``. The draws are the same,
number for number, as those of ``default_rng(seed)``; tests/python/test_seeded_generators.py checks
that against NumPy itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# SeedSequence constants (numpy/random/bit_generator.pyx)
INIT_A = 0x43B0D7E5
MULT_A = 0x931E8875
INIT_B = 0x8B51F9DD
MULT_B = 0x58F38DED
MIX_MULT_L = 0xCA01F9DD
MIX_MULT_R = 0x4973F715
XSHIFT = 16
POOL_SIZE = 4
MASK32 = 0xFFFFFFFF
# PCG64 (128-bit LCG) multiplier (numpy/random/src/pcg64/pcg64.h)
PCG_MULTIPLIER = (2549297995355413924 << 64) + 4865540595714422341
MASK128 = (1 << 128) - 1


def _hashmix(value: np.ndarray, hash_const: int) -> tuple[np.ndarray, int]:
    value = value ^ np.uint32(hash_const)
    hash_const = (hash_const * MULT_A) & MASK32
    value = value * np.uint32(hash_const)
    return value ^ (value >> np.uint32(XSHIFT)), hash_const


def _mix(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    result = np.uint32(MIX_MULT_L) * x - np.uint32(MIX_MULT_R) * y
    return result ^ (result >> np.uint32(XSHIFT))


def seed_sequence_words(seeds: Sequence[int]) -> np.ndarray:
    """``SeedSequence(seed).generate_state(4, np.uint64)`` for each seed (each below 2**64), one row a seed."""
    seeds = np.asarray(seeds, dtype=np.uint64)
    # the entropy of an integer: its 32-bit words, least significant first, without high zero words
    # (0 is one word); for a seed below 2**64 that is one or two words
    entropy = [(seeds & np.uint64(MASK32)).astype(np.uint32), (seeds >> np.uint64(32)).astype(np.uint32)]
    two_words = entropy[1] != 0
    pool = []
    hash_const = INIT_A
    with np.errstate(over="ignore"):
        for i in range(POOL_SIZE):
            source = entropy[i] if i < 2 else np.zeros(len(seeds), np.uint32)
            if i == 1:
                source = np.where(two_words, source, np.uint32(0))
            mixed, hash_const = _hashmix(source, hash_const)
            pool.append(mixed)
        for i_src in range(POOL_SIZE):
            for i_dst in range(POOL_SIZE):
                if i_src != i_dst:
                    mixed, hash_const = _hashmix(pool[i_src], hash_const)
                    pool[i_dst] = _mix(pool[i_dst], mixed)
        words = []
        hash_const = INIT_B
        for i_dst in range(POOL_SIZE * 2):
            value = pool[i_dst % POOL_SIZE] ^ np.uint32(hash_const)
            hash_const = (hash_const * MULT_B) & MASK32
            value = value * np.uint32(hash_const)
            words.append(value ^ (value >> np.uint32(XSHIFT)))
    low = np.column_stack(words[0::2]).astype(np.uint64)
    high = np.column_stack(words[1::2]).astype(np.uint64)
    return low | (high << np.uint64(32))


def pcg64_states(seeds: Sequence[int]) -> list[tuple[int, int]]:
    """The (state, increment) a ``PCG64(seed)`` starts from, for each seed (each below 2**64)."""
    states = []
    for w0, w1, w2, w3 in seed_sequence_words(seeds).tolist():
        initstate = (w0 << 64) | w1
        increment = (((w2 << 64) | w3) << 1 | 1) & MASK128
        state = (increment + initstate) & MASK128
        states.append(((state * PCG_MULTIPLIER + increment) & MASK128, increment))
    return states


class SeededGenerators:
    """One ``Generator`` set, on demand, to the start of ``np.random.default_rng(seed)`` for each seed."""

    def __init__(self, seeds: Sequence[int]):
        self.states = pcg64_states(seeds)
        self.generator = np.random.Generator(np.random.PCG64(0))
        self.bit_generator = self.generator.bit_generator

    def __len__(self) -> int:
        return len(self.states)

    def fresh(self, position: int) -> np.random.Generator:
        """The reused generator at the start of ``default_rng(seeds[position])`` (earlier ones are reset)."""
        state, increment = self.states[position]
        self.bit_generator.state = {
            "bit_generator": "PCG64",
            "state": {"state": state, "inc": increment},
            "has_uint32": 0,
            "uinteger": 0,
        }
        return self.generator
