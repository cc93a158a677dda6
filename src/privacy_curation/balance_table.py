"""The table the balancing model returns: one row per change to the train split, with provenance.

``balance_action = 'add'``: a synthetic example (SMOTE family, random copy or augmented text);
``balance_action = 'remove'``: a real train example taken out (random undersampling, Tomek links)
or a SMOTE row that Tomek-link cleaning dropped again. Every row names the real examples it came
from in ``source_example_ids``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from privacy_curation.augment import Augmented
from privacy_curation.balancing import VECTOR_ONLY, BalanceResult, synthetic_ids

FIXED_COLUMNS = [
    ("example_id", pa.string()),
    ("balance_action", pa.string()),
    ("intent", pa.string()),
    ("synthesis_method", pa.string()),
    ("source_example_ids", pa.list_(pa.string())),
    ("text", pa.string()),
    ("channel", pa.string()),
    ("locale", pa.string()),
    ("k_neighbors", pa.int32()),
    ("fallback_reason", pa.string()),
    ("augment_edits", pa.string()),
]


def parse_overrides(raw: object) -> dict[str, float]:
    """The ``balance_targets`` var (a mapping, or its JSON text as the model config renders it)."""
    if raw is None or raw == "" or raw == "None":
        return {}
    value = json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(value, Mapping):
        raise ValueError(f"balance_targets must map a label to a ratio or a count, got {raw!r}")
    return {str(label): float(target) for label, target in value.items()}


def schema(feature_names: Sequence[str]) -> pa.Schema:
    return pa.schema(FIXED_COLUMNS + [(name, pa.float64()) for name in feature_names])


def empty_table(feature_names: Sequence[str]) -> pa.Table:
    return schema(feature_names).empty_table()


def table_from_columns(columns: Mapping[str, Sequence], feature_names: Sequence[str], rows: int) -> pa.Table:
    """A table of the model's schema; columns not given are null."""
    target = schema(feature_names)
    arrays = [
        as_array(columns[name], f.type) if name in columns else pa.nulls(rows, type=f.type)
        for name, f in zip(target.names, target, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=target)


def as_array(values: Sequence | pa.Array | pa.ChunkedArray, arrow_type: pa.DataType) -> pa.Array:
    """``values`` (a Python sequence, a NumPy array or an Arrow array) as one Arrow array of the type."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        return values.cast(arrow_type)
    return pa.array(values, type=arrow_type)


def added_table(
    result: BalanceResult,
    sample_ids: Sequence[str],
    sample_texts: Sequence[str],
    sample_channels: Sequence[str],
    sample_locales: Sequence[str],
    feature_names: Sequence[str],
    category_values: Mapping[str, np.ndarray] | None = None,
) -> pa.Table:
    """Rows made by :func:`privacy_curation.balancing.balance`, plus the real sample rows it removed.

    Copies (random_oversample) carry their source's text, channel and locale; interpolated rows are
    vector-only (text null) and carry a channel and locale only when SMOTE-NC voted them.
    """
    made = len(result.labels)
    ids = synthetic_ids(result.labels)
    dropped = result.dropped if len(result.dropped) == made else np.zeros(made, bool)
    copied = [method not in VECTOR_ONLY for method in result.methods]
    first_source = [sources[0] for sources in result.sources]
    channels: list[str | None] = [sample_channels[s] if c else None for s, c in zip(first_source, copied, strict=True)]
    locales: list[str | None] = [sample_locales[s] if c else None for s, c in zip(first_source, copied, strict=True)]
    if category_values and result.categorical is not None and result.categorical.shape[1]:
        voted = {
            name: category_values[name][result.categorical[:, j]] for j, name in enumerate(sorted(category_values))
        }
        for row in range(made):
            if not copied[row]:
                channels[row] = voted["channel"][row] if "channel" in voted else None
                locales[row] = voted["locale"][row] if "locale" in voted else None
    added = {
        "example_id": ids,
        "balance_action": ["remove" if d else "add" for d in dropped],
        "intent": list(result.labels),
        "synthesis_method": ["tomek_links" if d else m for m, d in zip(result.methods, dropped, strict=True)],
        "source_example_ids": [[sample_ids[s] for s in sources] for sources in result.sources],
        "text": [sample_texts[s] if c else None for s, c in zip(first_source, copied, strict=True)],
        "channel": channels,
        "locale": locales,
        "k_neighbors": result.k_used,
        "fallback_reason": result.fallback_reasons,
    }
    for j, name in enumerate(feature_names):
        added[name] = result.features[:, j].astype(np.float64) if made else []
    tables = [table_from_columns(added, feature_names, made)]
    if len(result.removed):
        tables.append(
            removed_table(
                [sample_ids[i] for i in result.removed],
                result.removed_labels,
                result.removed_methods,
                feature_names,
            )
        )
    return pa.concat_tables(tables)


def removed_table(
    example_ids: Sequence[str], intents: Sequence[str], methods: Sequence[str], feature_names: Sequence[str]
) -> pa.Table:
    """Real train examples a method took out: their id, label and the method; no features."""
    rows = len(example_ids)
    return table_from_columns(
        {
            "example_id": list(example_ids),
            "balance_action": ["remove"] * rows,
            "intent": list(intents),
            "synthesis_method": list(methods),
            "source_example_ids": [[example_id] for example_id in example_ids],
        },
        feature_names,
        rows,
    )


def augmented_table(
    per_class: Mapping[str, tuple[Augmented, np.ndarray]],
    sample_ids: Sequence[str] | pa.Array | pa.ChunkedArray,
    sample_channels: Sequence[str] | pa.Array | pa.ChunkedArray,
    sample_locales: Sequence[str] | pa.Array | pa.ChunkedArray,
    features: np.ndarray,
    feature_names: Sequence[str],
) -> pa.Table:
    """Augmented rows: the edited text, its source's channel, locale and features, and the edits.

    ``per_class`` maps a label to its :class:`Augmented` result and the sample positions of the
    class's rows (the result's sources index into them). The features are the source's, unchanged.
    Rows come label by label (sorted), each label's in the order of its result; the sample's
    columns may be Python sequences or Arrow arrays (taken by position, never turned into lists).
    """
    labels, counts, sources, texts, edits = [], [], [], [], []
    for label, (augmented, positions) in sorted(per_class.items()):
        labels.append(label)
        counts.append(len(augmented.texts))
        sources.append(np.asarray(positions, dtype=np.int64)[np.asarray(augmented.sources, dtype=np.int64)])
        texts += augmented.texts
        edits += ["+".join(done) for done in augmented.edits]
    rows = sum(counts)
    source_rows = pa.array(np.concatenate(sources) if sources else np.empty(0, np.int64))
    # syn-<intent>-<n>, n numbered per intent from 1 (as synthetic_ids numbers rows grouped by intent)
    intents = pa.array(np.repeat(np.asarray(labels, dtype=object), counts), type=pa.string())
    numbers = pa.array(np.concatenate([np.arange(1, count + 1) for count in counts]) if counts else [], pa.int64())
    padded = pc.utf8_lpad(pc.cast(numbers, pa.string()), width=8, padding="0")
    columns: dict[str, Sequence | pa.Array] = {
        "example_id": pc.binary_join_element_wise("syn-", intents, "-", padded, ""),
        "balance_action": pa.repeat(pa.scalar("add"), rows),
        "intent": intents,
        "synthesis_method": pa.repeat(pa.scalar("augment"), rows),
        "source_example_ids": pa.ListArray.from_arrays(
            pa.array(np.arange(rows + 1, dtype=np.int32)), as_array(sample_ids, pa.string()).take(source_rows)
        ),
        "text": texts,
        "channel": as_array(sample_channels, pa.string()).take(source_rows),
        "locale": as_array(sample_locales, pa.string()).take(source_rows),
        "k_neighbors": pa.repeat(pa.scalar(0, pa.int32()), rows),
        "augment_edits": edits,
    }
    source_positions = source_rows.to_numpy()
    for j, name in enumerate(feature_names):
        columns[name] = features[source_positions, j].astype(np.float64) if rows else []
    return table_from_columns(columns, feature_names, rows)
