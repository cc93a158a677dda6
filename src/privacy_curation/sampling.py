"""Sampling the curated pool down to a smaller dataset, before it is split.

Strategies (var ``sampling_strategy``):

* ``none``: every message is kept.
* ``random``: a simple random sample of ``sample_size`` messages, without replacement.
* ``stratified``: proportional to the strata: each stratum gets its largest-remainder share of
  ``sample_size``, so every stratum keeps its share of the pool within one row.
* ``systematic``: the pool in time order (``created_at``, then ``message_id``), then every k-th
  message after a seeded start, with k = pool / ``sample_size`` (a fractional interval, so the
  sample has exactly ``sample_size`` rows).
* ``per_label``: each label is capped at its size in ``sample_per_label`` (labels smaller than
  their cap keep every row and are reported short of it); inside a label the rows are taken in
  proportion to its strata.

Every draw orders rows by a seeded hash of their key, so the sample depends only on the pool,
the vars and the seed: never on input order or thread count.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from privacy_curation.allocation import largest_remainder
from privacy_curation.splitting import stable_rank_key

STRATEGIES = ("none", "random", "stratified", "systematic", "per_label")


def check_strategy(strategy: str) -> str:
    """The strategy, or a clear error naming the var and the accepted values."""
    if strategy not in STRATEGIES:
        raise ValueError(f"var sampling_strategy must be one of {', '.join(STRATEGIES)}; got {strategy!r}")
    return strategy


def sample_count(size: object, pool: int) -> int:
    """Rows to draw from a pool of ``pool`` rows: ``size`` is a row count (a whole number >= 1,
    capped at the pool) or a share of the pool (a number in (0, 1), rounded half up)."""
    problem = f"var sample_size must be a row count >= 1 or a share in (0, 1); got {size!r}"
    if size is None or isinstance(size, bool):
        raise ValueError(problem)
    try:
        value = float(size)
    except (TypeError, ValueError):
        raise ValueError(problem) from None
    if 0 < value < 1:
        # rounded to 9 places first, so that a decimal half (25 x 0.58 = 14.5) is not lost to binary floats
        return math.floor(round(pool * value, 9) + 0.5)
    if math.isfinite(value) and value >= 1 and value == int(value):
        return min(int(value), pool)
    raise ValueError(problem)


def parse_label_caps(value: object, labels: Sequence[str]) -> dict[str, int]:
    """The cap of each label from var ``sample_per_label``: one whole number for every label, or a
    mapping (or its JSON) of label to whole number; labels the mapping leaves out are not capped."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else {}
        except json.JSONDecodeError:
            raise ValueError(f"var sample_per_label must be a whole number or a mapping; got {value!r}") from None
    if isinstance(value, int | float) and not isinstance(value, bool):
        caps = {label: value for label in labels}
    elif isinstance(value, Mapping):
        caps = dict(value)
    else:
        raise ValueError(f"var sample_per_label must be a whole number or a mapping of label to number; got {value!r}")
    for label, cap in caps.items():
        if isinstance(cap, bool) or float(cap) < 0 or float(cap) != int(float(cap)):
            raise ValueError(f"var sample_per_label: the cap of {label!r} must be a whole number >= 0; got {cap!r}")
    return {str(label): int(float(cap)) for label, cap in caps.items()}


def stratum_quotas(total: int, sizes: Mapping[str, int]) -> dict[str, int]:
    """``total`` rows spread over groups in proportion to ``sizes`` by the largest-remainder rule
    (:func:`privacy_curation.allocation.largest_remainder`, ties by group name), never more than
    the groups hold together, so never more than a group has."""
    names = sorted(sizes)
    pool = sum(sizes.values())
    wanted = min(max(total, 0), pool)
    return dict(zip(names, largest_remainder(wanted, [sizes[name] for name in names]), strict=True))


def _first_by_hash(frame: pd.DataFrame, counts: Mapping[str, int], column: str) -> pd.Series:
    """True for the first ``counts[g]`` rows of each group ``g`` of ``column`` in seeded-hash order."""
    ranked = frame.sort_values([column, "rank_key", "key"], kind="mergesort")
    position = ranked.groupby(column, sort=False).cumcount()
    limit = ranked[column].map(counts).fillna(0)
    return (position < limit).reindex(frame.index)


def sample_pool(
    keys: Sequence[str],
    strata: Sequence[str],
    labels: Sequence[str],
    order: Sequence[object] | None,
    strategy: str,
    seed: int,
    size: object = None,
    label_caps: Mapping[str, int] | None = None,
) -> pd.DataFrame:
    """Which keys are in the sample: a frame of ``key`` and ``is_sampled``, sorted by key.

    ``strata`` drive ``stratified`` and ``per_label``, ``labels`` the caps of ``per_label``, and
    ``order`` (a sortable value per key, such as a timestamp) the frame of ``systematic``; the other
    strategies do not read it (it may be None).
    """
    check_strategy(strategy)
    if strategy == "systematic" and order is None:
        raise ValueError("systematic sampling needs an order value per key")
    frame = pd.DataFrame(
        {
            "key": pd.Series(keys, dtype="string"),
            "stratum": pd.Series(strata, dtype="string").fillna("null"),
            "label": pd.Series(labels, dtype="string").fillna("null"),
        }
    )
    if order is not None:
        frame["order"] = pd.Series(list(order), dtype="object")
    if frame["key"].isna().any() or frame["key"].duplicated().any():
        raise ValueError("sampling keys must be unique and not null")
    if strategy in ("random", "stratified", "per_label"):  # the strategies that draw in seeded-hash order
        frame["rank_key"] = [stable_rank_key(seed, f"sample:{key}") for key in frame["key"]]
    if strategy == "none" or frame.empty:
        chosen = pd.Series(True, index=frame.index)
    elif strategy == "random":
        rank = frame.sort_values(["rank_key", "key"], kind="mergesort").index
        chosen = pd.Series(False, index=frame.index)
        chosen.loc[rank[: sample_count(size, len(frame))]] = True
    elif strategy == "stratified":
        sizes = frame.groupby("stratum")["key"].size().to_dict()
        chosen = _first_by_hash(frame, stratum_quotas(sample_count(size, len(frame)), sizes), "stratum")
    elif strategy == "systematic":
        wanted = sample_count(size, len(frame))
        ranked = frame.sort_values(["order", "key"], kind="mergesort", na_position="first").index
        interval = len(frame) / wanted if wanted else 0.0
        start = (int(stable_rank_key(seed, "systematic-start"), 16) / 16**16) * interval
        positions = np.floor(start + interval * np.arange(wanted)).astype(np.int64)
        chosen = pd.Series(False, index=frame.index)
        chosen.loc[ranked[positions]] = True
    else:  # per_label
        caps = dict(label_caps or {})
        counts: dict[str, int] = {}
        for label, members in frame.groupby("label"):
            sizes = members.groupby("stratum")["key"].size().to_dict()
            cap = caps.get(str(label), len(members))
            counts |= {f"{label}\x1f{stratum}": n for stratum, n in stratum_quotas(cap, sizes).items()}
        frame["label_stratum"] = frame["label"] + "\x1f" + frame["stratum"]
        chosen = _first_by_hash(frame, counts, "label_stratum")
    result = pd.DataFrame({"key": frame["key"], "is_sampled": chosen.astype(bool)})
    return result.sort_values("key", kind="mergesort", ignore_index=True)
