"""Seeds and seeded orders shared by the balancer and the augmenter, on NumPy and the standard library only.

Kept apart from :mod:`privacy_curation.balancing` (which loads pandas and scikit-learn) so that the
augmenter, and the worker process that runs part of it (:mod:`privacy_curation.augment_pool`),
start without those imports. ``balancing`` re-exports both functions.
"""

from __future__ import annotations

import hashlib

import numpy as np


def stable_seed(*parts: object) -> int:
    """A 64-bit seed from the parts, stable across processes and Python versions (unlike ``hash``)."""
    digest = hashlib.md5(":".join(str(part) for part in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def spread(total: int, size: int, rng: np.random.Generator) -> np.ndarray:
    """``total`` row indices over ``size`` rows, each row used as evenly as possible, in seeded order."""
    order = rng.permutation(size)
    return order[np.arange(total) % size]
