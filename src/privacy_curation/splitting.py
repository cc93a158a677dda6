"""Deterministic, stratified, group-aware assignment to train, validation, test and control."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from privacy_curation.allocation import largest_remainder

SPLITS = ("train", "validation", "test", "control")
# what a stratum label says for a key that the small-strata rule has merged away
ANY_VALUE = "*"
# how much more a group row landing in a full stratum costs than one filling a gap gains
OVERSHOOT_PENALTY = 10.0


def split_ratios(train: float, validation: float, test: float, control: float = 0.0) -> dict[str, float]:
    """The share of the pool each split gets: ``control`` first, then train, validation and test
    share the rest by their ratios (which must sum to 1)."""
    if not 0 <= control < 1:
        raise ValueError(f"control_ratio must be in [0, 1), got {control}")
    rest = normalise_ratios({"train": train, "validation": validation, "test": test, "control": 0.0})
    return {**{name: share * (1 - control) for name, share in rest.items() if name != "control"}, "control": control}


def normalise_ratios(ratios: Mapping[str, float]) -> dict[str, float]:
    """Check split ratios (non-negative, summing to 1 within 1e-6) and return them in split order.

    ``control`` may be left out (it is then 0); the other three splits must be given.
    """
    missing = [name for name in SPLITS if name not in ratios and name != "control"]
    if missing:
        raise ValueError(f"split ratios are missing {missing}")
    values = {name: float(ratios.get(name, 0.0)) for name in SPLITS}
    if any(value < 0 for value in values.values()):
        raise ValueError(f"split ratios must be non-negative, got {values}")
    if abs(sum(values.values()) - 1.0) > 1e-6:
        raise ValueError(f"split ratios must sum to 1, got {values} (sum {sum(values.values())})")
    return values


def stable_rank_key(seed: int, key: str) -> str:
    """A seeded ordering key for one row that depends on nothing but the seed and the row's key."""
    return hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).hexdigest()


def allocate_counts(size: int, ratios: Mapping[str, float]) -> dict[str, int]:
    """Split ``size`` rows over the splits by the largest-remainder rule
    (:func:`privacy_curation.allocation.largest_remainder`, ties in split order: train, validation,
    test, control). So a stratum of one row goes to train, and no split is ever a whole row away
    from its exact share."""
    return dict(zip(SPLITS, largest_remainder(size, [ratios.get(name, 0.0) for name in SPLITS]), strict=True))


def collapse_strata(columns: Mapping[str, Sequence[object]], min_size: int) -> list[str]:
    """The stratum label of every row, by the small-strata rule.

    ``columns`` are the stratification keys in order of importance (for example intent, then
    channel). A row's stratum is the finest one with at least ``min_size`` rows: first the full
    key (``intent=access|channel=email``); rows whose full-key stratum is smaller are pooled with
    the other leftovers that share all keys but the last (``intent=access|channel=*``), and so on.
    The first key is never pooled: what is left of a value of it stays its own stratum however
    small, so that every label (when intent comes first) is split on its own. No row is dropped and
    no stratum is an error: each merge is visible in the label. Depends only on the rows' values.
    """
    names = list(columns)
    if not names:
        raise ValueError("stratify by at least one key")
    size = len(columns[names[0]])
    # each key as codes into its distinct values (as text, None as "null"); the labels are built
    # once per stratum, not once per row
    codes, values = [], []
    for name in names:
        if len(columns[name]) != size:
            raise ValueError("every stratification key needs one value per row")
        text = np.asarray(["null" if value is None else str(value) for value in columns[name]], dtype=object)
        code, distinct = pd.factorize(text)
        codes.append(code.astype(np.int64))
        values.append(np.asarray(distinct, dtype=object))
    labels = np.full(size, None, dtype=object)
    open_rows = np.ones(size, dtype=bool)
    for level in range(len(names), 0, -1):
        rows = np.flatnonzero(open_rows)
        if not len(rows):
            break
        # the stratum of each open row: its combination of the first `level` keys
        combination = codes[0][rows]
        for key in range(1, level):
            combination, _ = pd.factorize(combination * len(values[key]) + codes[key][rows])
        _, first, combination = np.unique(combination, return_index=True, return_inverse=True)
        sizes = np.bincount(combination)
        text = np.array(
            [
                "|".join(
                    [f"{name}={values[key][codes[key][rows[row]]]}" for key, name in enumerate(names[:level])]
                    + [f"{name}={ANY_VALUE}" for name in names[level:]]
                )
                for row in first
            ],
            dtype=object,
        )
        big_enough = (sizes[combination] >= min_size) | (level == 1)
        labels[rows[big_enough]] = text[combination[big_enough]]
        open_rows[rows[big_enough]] = False
    return labels.tolist()


def connect_groups(keys: Sequence[str], *labellings: Sequence[str | None]) -> list[str]:
    """The group of every key: keys sharing a non-null label in any labelling are in one group.

    Groups are the connected components of the keys and labels (union-find), each named by its
    smallest key, so the result depends only on the (key, labels) rows, never on their order.
    For example, duplicate cluster and user pseudonym: two messages of one user, or of one
    cluster, or chained through both, end in the same group.
    """
    # nodes: the distinct keys in sorted order (so a component's smallest key is its smallest key
    # node), then each labelling's distinct labels; edges: key - label. The components come from
    # scipy's graph search, not a Python union-find (about 1.6M finds at 1M messages).
    key_names = sorted({str(key) for key in keys})
    node_of_key = {key: node for node, key in enumerate(key_names)}
    key_nodes = np.fromiter((node_of_key[str(key)] for key in keys), dtype=np.int64, count=len(keys))
    sources, targets = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    node_count = len(key_names)
    for labels in labellings:
        if len(labels) != len(keys):
            raise ValueError("every labelling needs one label per key")
        # each distinct label (as text; None and NaN are no label) numbered by pandas' hash table
        texts = [
            None if label is None or (isinstance(label, float) and np.isnan(label)) else str(label) for label in labels
        ]
        codes, distinct = pd.factorize(np.asarray(texts, dtype=object))
        rows = np.flatnonzero(codes >= 0)
        sources.append(key_nodes[rows])
        targets.append(node_count + codes[rows].astype(np.int64))
        node_count += len(distinct)
    source, target = np.concatenate(sources), np.concatenate(targets)
    graph = coo_matrix((np.ones(len(source), np.int8), (source, target)), shape=(node_count, node_count))
    _, component = connected_components(graph.tocsr(), directed=False)
    smallest = np.full(node_count, len(key_names), dtype=np.int64)
    np.minimum.at(smallest, component[: len(key_names)], np.arange(len(key_names)))
    return np.asarray(key_names, dtype=object)[smallest[component[key_nodes]]].tolist()


def fill_counts(singles: int, targets: np.ndarray, taken: np.ndarray, ratios: np.ndarray) -> np.ndarray:
    """How a stratum's ``singles`` (keys in no group of two or more) spread over the splits, given
    its integer ``targets`` per split and the rows its groups already put there (``taken``): in
    proportion to what each split still lacks, or to the ratios when no split lacks anything."""
    lacking = np.maximum(targets - taken, 0.0)
    weights = lacking if lacking.sum() > 0 else ratios
    return np.asarray(largest_remainder(singles, weights), dtype=float)


def rows_by_group(groups: pd.Series, values: np.ndarray) -> dict[str, np.ndarray]:
    """``values`` (one per row) gathered by the rows' group: each group's values in row order."""
    codes, names = pd.factorize(groups)
    order = np.argsort(codes, kind="stable")
    bounds = np.cumsum(np.bincount(codes, minlength=len(names)))[:-1]
    return dict(zip(names.tolist(), np.split(values[order], bounds), strict=True))


def _assign_groups(
    frame: pd.DataFrame, targets: pd.DataFrame, ratios: Mapping[str, float], seed: int
) -> dict[str, str]:
    """Greedily place each group of two or more keys in the split its strata most lack.

    Groups go largest first, ties by a seeded hash of the group name. A group's score for a split
    is, over its rows, the split's remaining target in the row's stratum as a share of the
    stratum, less a penalty (``OVERSHOOT_PENALTY`` times the same share) for each row that would
    land where its stratum has less than half a row left: so a group goes where it fills gaps and
    avoids overfilling small strata. The best split wins (ties in split order); a split whose
    ratio is 0 never gets a group. A repair pass then moves groups (see :func:`_repair_groups`) while
    a stratum would still end more than one row off a split's exact share.
    """
    sizes = frame.groupby("group", sort=False)["key"].transform("size")
    members = frame[sizes > 1]
    if members.empty:
        return {}
    stratum_sizes = frame.groupby("stratum")["key"].size()
    stratum_index = {stratum: position for position, stratum in enumerate(stratum_sizes.index)}
    size_array = stratum_sizes.to_numpy(dtype=float)
    # rows each stratum (rows) still lacks in each split (columns)
    remaining = targets.loc[stratum_sizes.index].to_numpy(dtype=float)
    order = (
        members.groupby("group")["key"]
        .size()
        .rename("size")
        .reset_index()
        .assign(rank_key=lambda groups: [stable_rank_key(seed, f"group:{name}") for name in groups["group"]])
        .sort_values(["size", "rank_key", "group"], ascending=[False, True, True], kind="mergesort")
    )
    closed = np.array([0.0 if ratios[name] > 0 else -np.inf for name in SPLITS])
    strata_of = rows_by_group(members["group"], members["stratum"].map(stratum_index).to_numpy(dtype=np.int64))
    placed: dict[str, str] = {}
    for name in order["group"]:
        rows = np.asarray(strata_of[name])
        left = remaining[rows]
        share = 1 / size_array[rows, None]
        score = (left * share).sum(axis=0) - OVERSHOOT_PENALTY * (np.maximum(0.5 - left, 0) * share).sum(axis=0)
        best = int(np.argmax(score + closed))  # first maximum: ties in split order
        placed[name] = SPLITS[best]
        np.subtract.at(remaining[:, best], rows, 1.0)
    singles = frame[sizes == 1].groupby("stratum")["key"].size().reindex(stratum_sizes.index, fill_value=0)
    exact = size_array[:, None] * np.array([ratios[split] for split in SPLITS])[None, :]
    return _repair_groups(
        placed,
        {name: strata_of[name] for name in order["group"]},
        targets.loc[stratum_sizes.index].to_numpy(dtype=float),
        exact,
        singles.to_numpy(),
        np.array([ratios[split] for split in SPLITS]),
    )


def _repair_groups(
    placed: dict[str, str],
    strata_of: Mapping[str, np.ndarray],
    targets: np.ndarray,
    exact: np.ndarray,
    singles: np.ndarray,
    ratios: np.ndarray,
) -> dict[str, str]:
    """Move groups between splits while that brings strata closer to their exact shares.

    A stratum's miss is, over the splits, how far its final count (its groups' rows plus its
    singles as :func:`fill_counts` spreads them) lies more than one row from the exact share. While
    some stratum misses, the single move of one of its groups to another split (ratio above 0)
    that lowers the summed miss of the strata the group touches the most is made (ties: the first
    group in placement order, then split order); it stops when no move helps. ``strata_of`` holds
    each group's row strata (indices into the rows of ``targets``) in placement order.
    """
    split_index = {split: position for position, split in enumerate(SPLITS)}
    taken = np.zeros_like(targets)
    for name, rows in strata_of.items():
        np.add.at(taken[:, split_index[placed[name]]], rows, 1.0)
    groups_of: dict[int, list[str]] = {}
    for name, rows in strata_of.items():
        for stratum in sorted(set(rows.tolist())):
            groups_of.setdefault(stratum, []).append(name)
    order = {name: position for position, name in enumerate(strata_of)}
    open_splits = [position for position, ratio in enumerate(ratios) if ratio > 0]

    def miss(stratum: int, row: np.ndarray) -> float:
        final = row + fill_counts(int(singles[stratum]), targets[stratum], row, ratios)
        return float(np.maximum(np.abs(final - exact[stratum]) - 1.0, 0.0).sum())

    misses = np.array([miss(stratum, taken[stratum]) for stratum in range(len(targets))])
    for _ in range(sum(len(rows) for rows in strata_of.values())):  # each move lowers the miss: a bound
        candidates = sorted(
            {name for stratum in np.flatnonzero(misses > 1e-9) for name in groups_of.get(stratum, [])},
            key=order.__getitem__,
        )
        best: tuple[float, str, int, dict[int, float]] | None = None
        for name in candidates:
            here = split_index[placed[name]]
            touched, counts = np.unique(strata_of[name], return_counts=True)
            for there in open_splits:
                if there == here:
                    continue
                after = {}
                for stratum, count in zip(touched.tolist(), counts.tolist(), strict=True):
                    row = taken[stratum].copy()
                    row[here] -= count
                    row[there] += count
                    after[stratum] = miss(stratum, row)
                change = sum(after.values()) - float(misses[touched].sum())
                if change < -1e-9 and (best is None or change < best[0] - 1e-9):
                    best = (change, name, there, after)
        if best is None:
            break
        _, name, there, after = best
        touched, counts = np.unique(strata_of[name], return_counts=True)
        taken[touched, split_index[placed[name]]] -= counts
        taken[touched, there] += counts
        placed[name] = SPLITS[there]
        for stratum, value in after.items():
            misses[stratum] = value
    return placed


def assign_splits(
    keys: Sequence[str],
    strata: Sequence[str],
    ratios: Mapping[str, float],
    seed: int,
    groups: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Assign every key to a split (train, validation, test, control), stratum by stratum, in
    proportion to ``ratios`` (see :func:`split_ratios`).

    Without ``groups`` (or when every group has one key), rows are ordered inside a stratum by a
    seeded hash of their key and cut by the counts of :func:`allocate_counts`, so each stratum
    is split within one row of the ratios. With ``groups``, a group of several keys always
    lands in one split: such groups are placed first (see :func:`_assign_groups`), then the
    single keys of each stratum fill what each split still lacks, by the same seeded order.
    The result depends only on the set of (key, stratum, group) rows, the ratios and the seed:
    never on input order or thread count. Keys must be unique.
    """
    ratios = normalise_ratios(ratios)
    frame = pd.DataFrame({"key": pd.Series(keys, dtype="string"), "stratum": pd.Series(strata, dtype="string")})
    if frame["key"].isna().any():
        raise ValueError("split keys must not be null")
    if frame["key"].duplicated().any():
        raise ValueError("split keys must be unique")
    if frame.empty:
        return pd.DataFrame({"key": pd.Series([], dtype="string"), "split": pd.Series([], dtype="string")})
    if groups is not None and len(groups) != len(frame):
        raise ValueError("groups need one entry per key")
    frame["group"] = frame["key"] if groups is None else pd.Series(groups, dtype="string").fillna(frame["key"])
    stratum_sizes = frame.groupby("stratum")["key"].size()
    targets = pd.DataFrame(
        [allocate_counts(int(size), ratios) for size in stratum_sizes], index=stratum_sizes.index, columns=list(SPLITS)
    ).astype(float)
    placed = _assign_groups(frame, targets, ratios, seed)
    split = frame["group"].map(placed).astype("string")

    singles = frame[split.isna()].copy()
    taken = frame.assign(split=split).dropna(subset=["split"]).groupby(["stratum", "split"])["key"].size()
    singles["rank_key"] = [stable_rank_key(seed, key) for key in singles["key"]]
    singles = singles.sort_values(["stratum", "rank_key", "key"], kind="mergesort")
    ratio_vector = np.array([ratios[name] for name in SPLITS])
    # filled in a plain array, stratum by stratum, and turned into a column once
    splits = split.to_numpy(dtype=object, na_value=None)
    for stratum, rows in singles.groupby("stratum", sort=False):
        already = np.array([taken.get((stratum, name), 0) for name in SPLITS], dtype=float)
        counts = fill_counts(len(rows), targets.loc[stratum].to_numpy(dtype=float), already, ratio_vector)
        bounds = np.cumsum(counts)
        positions = np.arange(len(rows))
        splits[frame.index.get_indexer(rows.index)] = np.array(SPLITS, dtype=object)[
            np.searchsorted(bounds, positions, side="right")
        ]
    result = pd.DataFrame({"key": frame["key"], "split": pd.Series(splits, index=frame.index, dtype="string")})
    return result.sort_values("key", kind="mergesort", ignore_index=True)
