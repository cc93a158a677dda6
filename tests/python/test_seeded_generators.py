"""The batched generators start exactly where ``np.random.default_rng(seed)`` starts."""

from __future__ import annotations

import numpy as np

from privacy_curation.balancing import stable_seed
from privacy_curation.seeded_generators import SeededGenerators, seed_sequence_words

SEEDS = [0, 1, 2**32 - 1, 2**32, 2**63, 2**64 - 1] + [stable_seed(42, "augment", f"msg-{i}", i % 5) for i in range(300)]


def test_seed_words_are_numpys_seed_sequence():
    words = seed_sequence_words(SEEDS)
    for seed, row in zip(SEEDS, words, strict=True):
        assert row.tolist() == np.random.SeedSequence(seed).generate_state(4, np.uint64).tolist()


def test_each_generator_draws_what_default_rng_draws():
    generators = SeededGenerators(SEEDS)
    for position in [*range(len(SEEDS)), 3, 0]:  # reused out of order too
        expected = np.random.default_rng(SEEDS[position])
        generator = generators.fresh(position)
        assert generator.bit_generator.state == expected.bit_generator.state
        for high in (1, 2, 3, 7, 1000, 2**40):
            assert generator.integers(high) == expected.integers(high)
        assert generator.random() == expected.random()
        assert generator.integers(5, size=3).tolist() == expected.integers(5, size=3).tolist()
