"""One row per change the balancer makes to the train split: a synthetic example added, or an example removed.

Only the train split is balanced, by the method of var ``balance_method`` (see the model's YAML for
each method's semantics). Oversamplers learn from at most ``smote_max_rows_per_class`` real rows per
class (a seeded sample chosen in DuckDB), so the Python side never holds the whole train split;
random undersampling chooses the rows to remove in DuckDB over the whole split.
"""

import time

import numpy as np

from privacy_curation.augment import build_lexicon
from privacy_curation.augment_pool import augment_classes
from privacy_curation.balance_table import added_table, augmented_table, empty_table, removed_table
from privacy_curation.balancing import balance, balance_targets, stable_seed
from privacy_curation.gc_paused import gc_paused
from privacy_curation.ml_config import balance_config, read_ml_vars
from privacy_curation.progress import log_progress

CATEGORICAL = ("channel", "locale")


def sample_sql(feature_names, seed, max_rows):
    """The real train rows the oversamplers learn from: at most ``max_rows`` per class, in hash order."""
    return f"""
        select
            'msg-' || left(md5(message_id), 16) as example_id,
            intent,
            message_text as text,
            language,
            channel,
            locale,
            {", ".join(feature_names)}
        from train
        qualify row_number() over (
            partition by intent order by md5('{seed}:balance:' || message_id)
        ) <= {max_rows}
        order by intent, md5('{seed}:balance:' || message_id)
    """


def undersample_sql(keep, seed):
    """The train rows random undersampling removes: each class keeps its first ``keep`` rows in hash order."""
    values = ", ".join(f"('{label}', {rows})" for label, rows in sorted(keep.items()))
    return f"""
        with keep (intent, keep_rows) as (values {values})
        select
            'msg-' || left(md5(train.message_id), 16) as example_id,
            train.intent,
        from train
        inner join keep on train.intent = keep.intent
        qualify row_number() over (
            partition by train.intent order by md5('{seed}:balance:' || train.message_id)
        ) > any_value(keep.keep_rows) over (partition by train.intent)
        order by train.intent, example_id
    """


def feature_matrix(sample, feature_names):
    if not sample.num_rows:
        return np.empty((0, len(feature_names)), np.float32)
    return np.column_stack([sample.column(name).to_numpy().astype(np.float32) for name in feature_names])


def category_codes(sample):
    """Integer codes of the categorical columns (sorted values) and the values behind the codes."""
    values, codes = {}, []
    for name in sorted(CATEGORICAL):
        column = np.asarray(sample.column(name).to_pylist(), dtype=object)
        column[column == None] = ""  # noqa: E711 (element-wise comparison)
        values[name], inverse = np.unique(column.astype(str), return_inverse=True)
        codes.append(inverse)
    return (np.column_stack(codes) if codes else np.zeros((sample.num_rows, 0), np.int64)), values


def model(dbt, session):
    # the Python side frees everything it allocates by reference counting; the cyclic collector
    # would walk the whole dbt process on every allocation burst (src/privacy_curation/gc_paused.py)
    with gc_paused():
        changes = balanced(dbt)
    return changes


def balanced(dbt):
    started = time.perf_counter()
    dbt.config(materialized="table")
    ml_vars = read_ml_vars(dbt.config.get("ml_vars"))
    config = balance_config(ml_vars)
    seed, method, target_ratio, overrides = (config[key] for key in ("seed", "method", "target_ratio", "overrides"))
    k_neighbors, m_neighbors, max_rows = (config[key] for key in ("k_neighbors", "m_neighbors", "max_rows"))

    curated = dbt.ref("curated_messages")
    splits = dbt.ref("ml_split_assignments")
    synonyms = dbt.ref("augment_synonyms")
    feature_names = [name for name in curated.columns if name.startswith("f_")]

    train = curated.join(splits.filter("split = 'train'").set_alias("s"), "message_id")
    counts = dict(train.aggregate("intent, count(*)::bigint", "intent").fetchall())
    train_rows = sum(counts.values())
    if method == "none" or not counts:
        return log_progress("ml_smote_examples", train_rows, started, empty_table(feature_names))

    if method == "random_undersample":
        keep = balance_targets(counts, target_ratio, overrides, direction="lower")
        removed = train.query("train", undersample_sql(keep, seed)).to_arrow_table()
        return log_progress(
            "ml_smote_examples",
            train_rows,
            started,
            removed_table(
                removed.column("example_id").to_pylist(),
                removed.column("intent").to_pylist(),
                ["random_undersample"] * removed.num_rows,
                feature_names,
            ),
        )

    sample = train.query("train", sample_sql(feature_names, seed, max_rows)).to_arrow_table()
    features = feature_matrix(sample, feature_names)
    labels = np.asarray(sample.column("intent").to_pylist(), dtype=object)
    ids = sample.column("example_id").to_pylist()

    if method == "augment":
        lexicon = build_lexicon(synonyms.project("language, term, synonym").fetchall())
        texts = sample.column("text").to_pylist()
        languages = sample.column("language").to_pylist()
        positions, jobs = {}, []
        for label, target in balance_targets(counts, target_ratio, overrides).items():
            positions[label] = np.flatnonzero(labels == label)
            jobs.append(
                (
                    label,
                    [texts[i] for i in positions[label]],
                    [languages[i] for i in positions[label]],
                    [ids[i] for i in positions[label]],
                    target - int(counts[label]),
                    stable_seed(seed, label),
                )
            )
        # the classes are independent: at 1M half of them run on a worker process (augment_pool)
        results = augment_classes(jobs, lexicon)
        per_class = {label: (results[label], positions[label]) for label in positions}
        augmented = augmented_table(
            per_class,
            sample.column("example_id"),
            sample.column("channel"),
            sample.column("locale"),
            features,
            feature_names,
        )
        return log_progress("ml_smote_examples", train_rows, started, augmented)

    channels = sample.column("channel").to_pylist()
    locales = sample.column("locale").to_pylist()
    codes, category_values = category_codes(sample) if method == "smotenc" else (None, None)
    result = balance(
        features,
        labels,
        counts,
        method,
        target_ratio,
        k_neighbors,
        seed,
        overrides=overrides,
        codes=codes,
        m_neighbors=m_neighbors,
        tomek_rows_per_class=max_rows,
    )
    texts = sample.column("text").to_pylist()
    added = added_table(result, ids, texts, channels, locales, feature_names, category_values)
    return log_progress("ml_smote_examples", train_rows, started, added)
