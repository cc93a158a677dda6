"""The sampling report: per split and label, rows before and after balancing, what was added and
removed, by which method, the target, and what fell back and why (the ``sampling_report`` model);
with, per label, what the sample taken before splitting kept of the curated pool."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import pyarrow as pa

from privacy_curation.balancing import UNDERSAMPLERS, balance_targets, label_goal

SPLITS = ("train", "validation", "test", "control")

SCHEMA = pa.schema(
    [
        ("split", pa.string()),
        ("intent", pa.string()),
        ("balance_method", pa.string()),
        ("method_parameters", pa.string()),
        ("real_rows_before", pa.int64()),
        ("target_rows", pa.int64()),
        ("rows_added", pa.int64()),
        ("rows_added_by_method", pa.string()),
        ("real_rows_removed", pa.int64()),
        ("synthetic_rows_removed", pa.int64()),
        ("rows_after", pa.int64()),
        ("removed_example_ids", pa.list_(pa.string())),
        ("k_neighbors_used", pa.int32()),
        ("fell_back", pa.bool_()),
        ("fallback_reason", pa.string()),
        ("target_reached", pa.bool_()),
        ("sampling_strategy", pa.string()),
        ("sampling_parameters", pa.string()),
        ("label_pool_rows", pa.int64()),
        ("label_sampled_rows", pa.int64()),
        ("label_sample_cap", pa.int64()),
    ]
)


def sampling_parameters(config: Mapping[str, object]) -> str:
    """The vars that shaped the sample taken before splitting, as canonical JSON (sorted keys)."""
    keys = ("strategy", "size", "per_label", "stratify_by", "min_stratum_size", "seed")
    return json.dumps({key: config[key] for key in keys}, sort_keys=True, separators=(",", ":"))


def method_parameters(method: str, params: Mapping[str, object]) -> str:
    """The parameters that shaped the method, as canonical JSON (sorted keys)."""
    return json.dumps({"balance_method": method, **params}, sort_keys=True, separators=(",", ":"))


def train_targets(
    train_counts: Mapping[str, int], method: str, target_ratio: float, overrides: Mapping[str, float]
) -> dict[str, int]:
    """The row count each train class is meant to end with under ``method``."""
    if method == "none":
        return dict(train_counts)
    direction = "lower" if method in UNDERSAMPLERS else "raise"
    return balance_targets(train_counts, target_ratio, overrides, direction)


def report_table(
    before: Mapping[tuple[str, str], int],
    changes: Sequence[Mapping[str, object]],
    method: str,
    target_ratio: float,
    overrides: Mapping[str, float],
    params: Mapping[str, object],
    sampling: Mapping[str, object] | None = None,
) -> pa.Table:
    """One row per split and label.

    ``sampling`` describes the sample taken before splitting: ``strategy``, ``parameters`` (JSON),
    and per label ``pool_rows``, ``sampled_rows`` and ``caps`` (``per_label`` only).

    ``before`` maps (split, intent) to real rows; ``changes`` holds one entry per intent, balancing
    action and method of the balancer's rows: ``intent``, ``balance_action``, ``synthesis_method``,
    ``is_synthetic_id``, ``rows``, ``example_ids`` (for real rows removed), ``fallback_reasons``,
    ``k_neighbors``. Only train is ever changed.
    """
    train_counts = {intent: count for (split, intent), count in before.items() if split == "train"}
    targets = train_targets(train_counts, method, target_ratio, overrides)
    parameters = method_parameters(method, params)
    if sampling is None:
        sampling = {"strategy": "none", "parameters": None, "pool_rows": {}, "sampled_rows": {}, "caps": {}}
    rows = []
    for split, intent in sorted(before, key=lambda key: (SPLITS.index(key[0]), key[1])):
        real = int(before[(split, intent)])
        mine = [c for c in changes if c["intent"] == intent] if split == "train" else []
        added_by = {}
        removed_ids: list[str] = []
        removed_synthetic = 0
        reasons: set[str] = set()
        k_used = None
        for change in mine:
            if change["balance_action"] == "add":
                added_by[change["synthesis_method"]] = added_by.get(change["synthesis_method"], 0) + int(change["rows"])
            elif change["is_synthetic_id"]:
                removed_synthetic += int(change["rows"])
            else:
                removed_ids += list(change["example_ids"] or [])
            reasons |= {reason for reason in change["fallback_reasons"] or [] if reason}
            if change["k_neighbors"] is not None and change["balance_action"] == "add":
                k_used = int(change["k_neighbors"]) if k_used is None else min(k_used, int(change["k_neighbors"]))
        added = sum(added_by.values())
        after = real + added - len(removed_ids)
        target = targets.get(intent) if split == "train" else None
        reached = None
        if target is not None:
            if method in UNDERSAMPLERS:
                reached = after <= target
            elif method == "smote_tomek":
                # Tomek-link cleaning may take a class above its goal down to the goal, never below
                largest = max(train_counts.values())
                reached = after >= label_goal(float(overrides.get(intent, target_ratio)), largest, "raise")
            else:
                reached = after >= target
            if not reached and method not in UNDERSAMPLERS:
                reasons.add(f"target not reached: {target - after} rows short (no usable source row or edit)")
        rows.append(
            {
                "split": split,
                "intent": intent,
                "balance_method": method,
                "method_parameters": parameters,
                "real_rows_before": real,
                "target_rows": target,
                "rows_added": added,
                "rows_added_by_method": json.dumps(dict(sorted(added_by.items())), separators=(",", ":")),
                "real_rows_removed": len(removed_ids),
                "synthetic_rows_removed": removed_synthetic,
                "rows_after": after,
                "removed_example_ids": sorted(removed_ids),
                "k_neighbors_used": k_used if added_by.keys() - {"random_oversample", "augment"} else None,
                "fell_back": bool(reasons),
                "fallback_reason": "; ".join(sorted(reasons)) or None,
                "target_reached": reached,
                "sampling_strategy": sampling["strategy"],
                "sampling_parameters": sampling["parameters"],
                "label_pool_rows": sampling["pool_rows"].get(intent, 0),
                "label_sampled_rows": sampling["sampled_rows"].get(intent, 0),
                "label_sample_cap": sampling["caps"].get(intent),
            }
        )
    return pa.Table.from_pylist(rows, schema=SCHEMA)
