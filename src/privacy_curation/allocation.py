"""The largest-remainder rule: a whole number of rows spread in proportion to weights.

Splitting (rows of a stratum over the splits), sampling (a sample size over the strata) and
balancing (ADASYN's new rows over the rows of a class) all use this one function.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# a share this close below a whole number counts as that number (25 x 0.28 is 6.999999999999999)
SLACK = 1e-9


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` spread over the items in proportion to ``weights``, as whole numbers.

    Each item gets the floor of its exact share ``total * weight / sum(weights)``; the units left
    over go one each to the items with the largest remainders, ties to the earlier item. So the
    counts sum to ``total`` exactly and each is less than one unit from its exact share.
    A total of 0 gives zeros; a positive total needs a positive weight to go to.
    """
    values = np.asarray(weights, dtype=np.float64).reshape(-1)
    if total < 0 or total != int(total):
        raise ValueError(f"the total to spread must be a whole number >= 0, got {total}")
    if np.any(values < 0) or not np.all(np.isfinite(values)):
        raise ValueError(f"weights must be finite and >= 0, got {values.tolist()}")
    if total == 0:
        return [0] * len(values)
    if values.sum() <= 0:
        raise ValueError(f"cannot spread {total} over weights that sum to 0")
    exact = int(total) * values / values.sum()
    counts = np.floor(exact + SLACK).astype(np.int64)
    left = int(total) - int(counts.sum())
    # primary key: the remainder, largest first; secondary: the position, earliest first
    order = np.lexsort((np.arange(len(values)), -(exact - counts)))
    counts[order[:left]] += 1
    return [int(count) for count in counts]
