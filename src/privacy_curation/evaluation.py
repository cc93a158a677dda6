"""Model-training baseline on the export: two classifiers, their metrics, slices, plots and artifacts.

``make evaluate`` (after ``make build``) runs ``scripts/evaluate.py``, which calls :func:`run_evaluation`.
Two baselines are trained on the export's train split:

- ``text``: word 1-2 gram and character (``char_wb``) 2-5 gram TF-IDF, then a logistic regression; trained on
  the train rows that carry text (real rows, copies and augmented texts; interpolated SMOTE vectors have none).
- ``features``: the ``f_*`` columns, standardised, then a logistic regression; trained on every train row.

Each is scored on validation, test and control (the export's own held-out splits) and on an external
benchmark of real texts (the text baseline only: the benchmark has no ``f_*`` columns). Everything written
to ``metrics.json`` depends only on the export, the benchmark and the code: the same inputs give the same
bytes. Timings and versions go to ``metadata.json``.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

NON_PRIVACY = "non_privacy"
EVALUATION_SETS = ("validation", "test", "control")
BENCHMARK = "benchmark"
BASELINES = ("text", "features")
EXPORT_SLICE_KEYS = ("language", "channel", "jurisdiction", "message_source")
BENCHMARK_SLICE_KEYS = ("source", "register")
BENCHMARK_REQUIRED_COLUMNS = ("benchmark_id", "text", "is_privacy", "intent")
# Slices smaller than this are listed but left out of the worst-slice gap (their figures are too noisy).
MIN_SLICE_ROWS = 30
SEED = 42
DECIMALS = 6
CARD_START = "<!-- evaluation:start -->"
CARD_END = "<!-- evaluation:end -->"
# Modules whose types a saved model may contain; anything else makes the load check fail.
TRUSTED_MODULE_PREFIXES = ("sklearn.", "numpy.")
PACKAGES = ("scikit-learn", "numpy", "pandas", "skops", "duckdb", "matplotlib", "scipy", "pyarrow")


class EvaluationError(Exception):
    """The evaluation cannot run; the message says why."""


# ---------------------------------------------------------------------------------------------------------------
# Metric helpers (plain arrays in, plain dicts out)
# ---------------------------------------------------------------------------------------------------------------


def privacy_from_intent(intents: Iterable) -> np.ndarray:
    """True where an intent is a privacy intent (anything but ``non_privacy``)."""
    return np.asarray([intent != NON_PRIVACY for intent in intents], dtype=bool)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def binary_scores(truth: Sequence[bool], predicted: Sequence[bool]) -> dict:
    """Precision, recall and F1 of the positive class, with the confusion counts.

    A figure whose denominator is zero is None (undefined), not 0: no predicted positives leave precision
    undefined; F1 = 2 tp / (2 tp + fp + fn) is undefined only when there is neither a positive nor a
    predicted positive.
    """
    truth = np.asarray(truth, dtype=bool)
    predicted = np.asarray(predicted, dtype=bool)
    if truth.shape != predicted.shape:
        raise ValueError("truth and predicted differ in length")
    tp = int(np.sum(truth & predicted))
    fp = int(np.sum(~truth & predicted))
    fn = int(np.sum(truth & ~predicted))
    tn = int(np.sum(~truth & ~predicted))
    return {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "true_positives": tp,
        "false_positives": fp,
        "false_negatives": fn,
        "true_negatives": tn,
        "support_privacy": tp + fn,
        "support_non_privacy": fp + tn,
    }


def everyday_flagged_share(truth_privacy: Sequence[bool], predicted_privacy: Sequence[bool]) -> float | None:
    """Share of the truly non-privacy (everyday) rows that are predicted as privacy; None without such rows."""
    truth = np.asarray(truth_privacy, dtype=bool)
    predicted = np.asarray(predicted_privacy, dtype=bool)
    return _ratio(int(np.sum(~truth & predicted)), int(np.sum(~truth)))


def multiclass_scores(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]) -> dict:
    """Accuracy, macro- and weighted-F1 over ``labels``, and precision/recall/F1/support per label.

    Macro-F1 averages the F1 of each label in ``labels`` (a label never predicted scores 0); weighted-F1
    weights them by support. Accuracy counts every row.
    """
    from sklearn.metrics import precision_recall_fscore_support

    y_true = np.asarray(y_true, dtype=object)
    y_pred = np.asarray(y_pred, dtype=object)
    labels = list(labels)
    if len(y_true) == 0:
        return {"rows": 0, "accuracy": None, "macro_f1": None, "weighted_f1": None, "per_class": {}}
    precision, recall, f1, support = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0.0)
    total = int(support.sum())
    return {
        "rows": len(y_true),
        "accuracy": float(np.mean(y_true == y_pred)),
        "macro_f1": float(np.mean(f1)) if labels else None,
        "weighted_f1": float(np.sum(f1 * support) / total) if total else None,
        "per_class": {
            label: {
                "precision": float(precision[i]),
                "recall": float(recall[i]),
                "f1": float(f1[i]),
                "support": int(support[i]),
            }
            for i, label in enumerate(labels)
        },
    }


def one_vs_rest_auc(y_true: Sequence[str], scores: np.ndarray, classes: Sequence[str], labels: Sequence[str]) -> dict:
    """ROC-AUC and PR-AUC (average precision) per label, one label against the rest, and their macro means.

    ``scores`` has one column per entry of ``classes`` (the model's ``classes_``). A label absent from the
    rows (or making up every row), or not a class of the model, is skipped and listed with the reason.
    """
    from sklearn.metrics import average_precision_score, roc_auc_score

    y_true = np.asarray(y_true, dtype=object)
    classes = list(classes)
    per_class, skipped = {}, {}
    for label in labels:
        positives = y_true == label
        if label not in classes:
            skipped[label] = "not a class of the model"
        elif not positives.any():
            skipped[label] = "no row of this class in the set"
        elif positives.all():
            skipped[label] = "every row is of this class"
        else:
            column = scores[:, classes.index(label)]
            per_class[label] = {
                "roc_auc": float(roc_auc_score(positives, column)),
                "pr_auc": float(average_precision_score(positives, column)),
            }
    return {
        "per_class": per_class,
        "macro_roc_auc": float(np.mean([v["roc_auc"] for v in per_class.values()])) if per_class else None,
        "macro_pr_auc": float(np.mean([v["pr_auc"] for v in per_class.values()])) if per_class else None,
        "skipped_classes": skipped,
    }


def privacy_auc(truth_privacy: Sequence[bool], privacy_score: Sequence[float]) -> dict:
    """ROC-AUC and PR-AUC of privacy-vs-not, the score being 1 - P(non_privacy); None when one side is empty."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    truth = np.asarray(truth_privacy, dtype=bool)
    if truth.all() or not truth.any():
        return {"roc_auc": None, "pr_auc": None}
    return {
        "roc_auc": float(roc_auc_score(truth, privacy_score)),
        "pr_auc": float(average_precision_score(truth, privacy_score)),
    }


def slice_scores(frame: pd.DataFrame, key: str) -> list[dict]:
    """Figures per value of ``key``: rows, labelled rows, accuracy, macro-F1 and privacy-vs-not F1.

    ``frame`` has columns ``true_intent`` (None where unlabelled), ``true_privacy``, ``pred_intent`` and
    ``key`` (a missing value is its own slice, ``(null)``). Accuracy and macro-F1 use the labelled rows, the
    macro over the intents labelled in that slice; privacy F1 uses every row. Ordered by value.
    """
    values = frame[key].astype(object).where(frame[key].notna(), "(null)").astype(str)
    result = []
    for value in sorted(values.unique()):
        part = frame[values == value]
        labelled = part[part["true_intent"].notna()]
        labels = sorted(labelled["true_intent"].unique())
        scores = multiclass_scores(labelled["true_intent"], labelled["pred_intent"], labels)
        privacy = binary_scores(part["true_privacy"], privacy_from_intent(part["pred_intent"]))
        result.append(
            {
                "value": value,
                "rows": len(part),
                "labelled_rows": len(labelled),
                "accuracy": scores["accuracy"],
                "macro_f1": scores["macro_f1"],
                "privacy_f1": privacy["f1"],
            }
        )
    return result


def worst_slice_gap(slices: Sequence[Mapping], min_rows: int = MIN_SLICE_ROWS) -> dict:
    """Best minus worst macro-F1 among the slices with at least ``min_rows`` labelled rows.

    None (with the reason) when fewer than two slices qualify. Ties go to the first value in order.
    """
    eligible = [s for s in slices if s["labelled_rows"] >= min_rows and s["macro_f1"] is not None]
    summary = {"min_rows": min_rows, "eligible_slices": len(eligible), "gap": None, "best": None, "worst": None}
    if len(eligible) < 2:
        summary["reason"] = f"fewer than two slices with at least {min_rows} labelled rows"
        return summary
    best = max(eligible, key=lambda s: s["macro_f1"])
    worst = min(eligible, key=lambda s: s["macro_f1"])
    summary.update(
        gap=best["macro_f1"] - worst["macro_f1"],
        best={"value": best["value"], "macro_f1": best["macro_f1"]},
        worst={"value": worst["value"], "macro_f1": worst["macro_f1"]},
    )
    return summary


def rounded(value, decimals: int = DECIMALS):
    """The structure with numpy scalars made plain, floats rounded and NaN as None (for stable JSON)."""
    if isinstance(value, Mapping):
        return {str(k): rounded(v, decimals) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(v, decimals) for v in value]
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer | int):
        return int(value)
    if isinstance(value, np.floating | float):
        value = float(value)
        if math.isnan(value) or math.isinf(value):
            return None
        return round(value, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    return value


def stable_json(value) -> str:
    """Sorted keys, floats rounded: the same figures always give the same text."""
    return json.dumps(rounded(value), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------------------------
# Data and models
# ---------------------------------------------------------------------------------------------------------------


def feature_columns(frame: pd.DataFrame) -> list[str]:
    """The export's ``f_*`` columns, in file order."""
    return [column for column in frame.columns if column.startswith("f_")]


def load_export(path: Path) -> pd.DataFrame:
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"export not found: {path} (run `make build` first)")
    frame = pd.read_parquet(path)
    missing = [c for c in ("example_id", "text", "intent", "split") if c not in frame.columns]
    if missing or not feature_columns(frame):
        raise EvaluationError(f"{path} is not the curated export: missing {', '.join(missing) or 'f_* columns'}")
    return frame


def load_manifest(path: Path | None) -> dict:
    if path is None or not Path(path).is_file():
        return {}
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_benchmark(path: Path) -> pd.DataFrame:
    """The benchmark of real texts; stops with the path named when it is missing or malformed."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(
            f"benchmark not found: {path} (build or fetch it, or pass --benchmark none, "
            "make evaluate BENCHMARK=none, to evaluate without it)"
        )
    frame = pd.read_parquet(path)
    missing = [c for c in BENCHMARK_REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise EvaluationError(f"benchmark {path} lacks column(s) {', '.join(missing)}")
    if frame["text"].isna().any() or frame["is_privacy"].isna().any():
        raise EvaluationError(f"benchmark {path} has rows without text or is_privacy")
    frame = frame.sort_values("benchmark_id", kind="stable").reset_index(drop=True)
    frame["intent"] = frame["intent"].astype(object).where(frame["intent"].notna(), None)
    return frame


def text_model(seed: int = SEED):
    """TF-IDF on word 1-2 grams and char_wb 2-5 grams, then a multinomial logistic regression (lbfgs)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    return Pipeline(
        [
            (
                "tfidf",
                FeatureUnion(
                    [
                        ("word", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
                        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
                    ]
                ),
            ),
            (
                "classifier",
                LogisticRegression(solver="lbfgs", C=10.0, max_iter=3000, class_weight="balanced", random_state=seed),
            ),
        ]
    )


def features_model(seed: int = SEED):
    """The ``f_*`` columns standardised, then a multinomial logistic regression (lbfgs)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    return Pipeline(
        [
            ("scale", StandardScaler()),
            (
                "classifier",
                LogisticRegression(solver="lbfgs", max_iter=5000, class_weight="balanced", random_state=seed),
            ),
        ]
    )


def training_rows(export: pd.DataFrame, baseline: str) -> pd.DataFrame:
    """The train rows a baseline learns from: with text for ``text``, all of them for ``features``."""
    train = export[export["split"] == "train"]
    if baseline == "text":
        train = train[train["text"].notna()]
    return train


def model_inputs(frame: pd.DataFrame, baseline: str, features: Sequence[str]):
    if baseline == "text":
        return frame["text"].astype(str).tolist()
    return frame[list(features)].astype(float).fillna(0.0).to_numpy()


def fit_baseline(export: pd.DataFrame, baseline: str, features: Sequence[str], seed: int = SEED):
    """Train one baseline; returns (model, train rows, seconds)."""
    train = training_rows(export, baseline)
    if train.empty:
        raise EvaluationError(f"the export has no train rows for the {baseline} baseline")
    model = text_model(seed) if baseline == "text" else features_model(seed)
    started = time.perf_counter()
    model.fit(model_inputs(train, baseline, features), train["intent"].astype(str).to_numpy())
    return model, train, time.perf_counter() - started


# ---------------------------------------------------------------------------------------------------------------
# Scoring one set
# ---------------------------------------------------------------------------------------------------------------


def score_set(model, rows: pd.DataFrame, inputs, truth_intent: pd.Series, truth_privacy: np.ndarray) -> tuple:
    """All figures of one baseline on one set, and the per-row frame (truth, prediction, scores) for slices."""
    classes = [str(c) for c in model.classes_]
    probabilities = model.predict_proba(inputs)
    predicted = np.asarray(classes, dtype=object)[np.argmax(probabilities, axis=1)]
    predicted_privacy = privacy_from_intent(predicted)
    privacy_score = 1.0 - probabilities[:, classes.index(NON_PRIVACY)] if NON_PRIVACY in classes else None

    labelled = truth_intent.notna().to_numpy()
    y_true = truth_intent[labelled].astype(str).to_numpy(dtype=object)
    labels = sorted(set(y_true))
    multiclass = multiclass_scores(y_true, predicted[labelled], labels)
    auc = one_vs_rest_auc(y_true, probabilities[labelled], classes, labels)
    privacy = binary_scores(truth_privacy, predicted_privacy)
    if privacy_score is not None:
        privacy.update(privacy_auc(truth_privacy, privacy_score))
    figures = {
        "measured": True,
        "rows": len(rows),
        "labelled_rows": int(labelled.sum()),
        "labels": labels,
        "accuracy": multiclass["accuracy"],
        "macro_f1": multiclass["macro_f1"],
        "weighted_f1": multiclass["weighted_f1"],
        "per_class": {
            label: {**scores, **auc["per_class"].get(label, {})} for label, scores in multiclass["per_class"].items()
        },
        "macro_roc_auc": auc["macro_roc_auc"],
        "macro_pr_auc": auc["macro_pr_auc"],
        "auc_skipped_classes": auc["skipped_classes"],
        "privacy_vs_not": privacy,
        "everyday_flagged_share": everyday_flagged_share(truth_privacy, predicted_privacy),
    }
    per_row = pd.DataFrame(
        {
            "true_intent": truth_intent.astype(object).where(truth_intent.notna(), None).to_numpy(),
            "true_privacy": np.asarray(truth_privacy, dtype=bool),
            "pred_intent": predicted,
            "privacy_score": privacy_score if privacy_score is not None else np.nan,
        },
        index=rows.index,
    )
    return figures, per_row, probabilities


def not_measured(reason: str) -> dict:
    return {"measured": False, "reason": reason}


def slices_for(per_row: pd.DataFrame, rows: pd.DataFrame, keys: Sequence[str], min_rows: int) -> dict:
    result = {}
    for key in keys:
        if key not in rows.columns:
            result[key] = {"measured": False, "reason": f"the set has no column {key}"}
            continue
        frame = per_row.assign(**{key: rows[key].to_numpy()})
        values = slice_scores(frame, key)
        result[key] = {"measured": True, "values": values, "worst_gap": worst_slice_gap(values, min_rows)}
    return result


def slice_rows(slices: Mapping) -> list[dict]:
    """The slices section flattened to CSV rows (baseline, set, key, value, figures), in a fixed order."""
    rows = []
    for baseline in sorted(slices):
        for set_name in sorted(slices[baseline]):
            for key in sorted(slices[baseline][set_name]):
                entry = slices[baseline][set_name][key]
                for value in entry.get("values", []):
                    rows.append(
                        {
                            "baseline": baseline,
                            "set": set_name,
                            "key": key,
                            "value": value["value"],
                            "rows": value["rows"],
                            "labelled_rows": value["labelled_rows"],
                            "accuracy": value["accuracy"],
                            "macro_f1": value["macro_f1"],
                            "privacy_f1": value["privacy_f1"],
                            "in_worst_gap": value["labelled_rows"] >= entry["worst_gap"]["min_rows"],
                        }
                    )
    return rows


def write_slices_csv(rows: Sequence[Mapping], path: Path) -> None:
    columns = [
        "baseline",
        "set",
        "key",
        "value",
        "rows",
        "labelled_rows",
        "accuracy",
        "macro_f1",
        "privacy_f1",
        "in_worst_gap",
    ]
    frame = pd.DataFrame([rounded(dict(row)) for row in rows], columns=columns)
    frame.to_csv(path, index=False, lineterminator="\n")


# ---------------------------------------------------------------------------------------------------------------
# Plots (matplotlib, Agg backend)
# ---------------------------------------------------------------------------------------------------------------


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(figure, path: Path) -> None:
    figure.tight_layout()
    figure.savefig(path, format="png", dpi=100, metadata={"Software": None})
    _pyplot().close(figure)


def plot_confusion_matrix(y_true, y_pred, row_labels, column_labels, title: str, path: Path) -> None:
    """Confusion matrix normalised by row (each true label's rows sum to 1), cells annotated."""
    plt = _pyplot()
    counts = pd.crosstab(pd.Series(y_true, name="true"), pd.Series(y_pred, name="predicted"))
    counts = counts.reindex(index=list(row_labels), columns=list(column_labels), fill_value=0).to_numpy(float)
    totals = counts.sum(axis=1, keepdims=True)
    shares = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
    figure, axes = plt.subplots(figsize=(1.6 + 0.55 * len(column_labels), 1.4 + 0.45 * len(row_labels)))
    image = axes.imshow(shares, cmap="Blues", vmin=0.0, vmax=1.0, aspect="auto")
    axes.set_xticks(range(len(column_labels)), labels=list(column_labels), rotation=60, ha="right", fontsize=7)
    row_names = [f"{label} (n={int(total)})" for label, total in zip(row_labels, totals[:, 0], strict=True)]
    axes.set_yticks(range(len(row_labels)), labels=row_names, fontsize=7)
    axes.set_xlabel("predicted intent", fontsize=8)
    axes.set_ylabel("true intent", fontsize=8)
    axes.set_title(title, fontsize=9)
    for i in range(shares.shape[0]):
        for j in range(shares.shape[1]):
            if counts[i, j]:
                colour = "white" if shares[i, j] > 0.5 else "black"
                axes.text(j, i, f"{shares[i, j]:.2f}", ha="center", va="center", fontsize=5.5, color=colour)
    figure.colorbar(image, ax=axes, fraction=0.04, label="share of the true label's rows")
    _save(figure, path)


def plot_pr_curves(curves: Mapping[str, tuple], title: str, path: Path) -> None:
    """Precision-recall curves, one per entry: name -> (truth as bool, scores)."""
    from sklearn.metrics import average_precision_score, precision_recall_curve

    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(6.4, 4.8))
    colours = plt.get_cmap("tab20")
    for i, (name, (truth, scores)) in enumerate(curves.items()):
        precision, recall, _ = precision_recall_curve(truth, scores)
        ap = average_precision_score(truth, scores)
        axes.step(recall, precision, where="post", linewidth=1.1, color=colours(i % 20), label=f"{name} (AP {ap:.2f})")
    axes.set_xlim(0.0, 1.0)
    axes.set_ylim(0.0, 1.02)
    axes.set_xlabel("recall", fontsize=8)
    axes.set_ylabel("precision", fontsize=8)
    axes.set_title(title, fontsize=9)
    axes.tick_params(labelsize=7)
    axes.legend(fontsize=6, loc="lower left", ncol=2 if len(curves) > 6 else 1)
    axes.grid(alpha=0.3)
    _save(figure, path)


# ---------------------------------------------------------------------------------------------------------------
# Model artifacts (skops)
# ---------------------------------------------------------------------------------------------------------------


def types_outside_allowlist(types: Iterable[str]) -> list[str]:
    """The types outside scikit-learn and numpy (those the load check refuses), sorted."""
    return sorted(t for t in types if not t.startswith(TRUSTED_MODULE_PREFIXES))


def save_model(model, path: Path) -> None:
    """skops file, deflated (the TF-IDF vocabularies are mostly repetitive JSON)."""
    import zipfile

    import skops.io as sio

    sio.dump(model, path, compression=zipfile.ZIP_DEFLATED, compresslevel=6)


def load_model(path: Path):
    """Load a skops file, trusting its listed types only when they are all scikit-learn or numpy ones."""
    import skops.io as sio

    types = sio.get_untrusted_types(file=path)
    refused = types_outside_allowlist(types)
    if refused:
        raise EvaluationError(f"{path} contains types outside scikit-learn/numpy: {', '.join(refused)}")
    return sio.load(path, trusted=types)


# ---------------------------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------------------------


def headline(metrics: Mapping) -> list[dict]:
    """One row per baseline and set: privacy-vs-not P/R/F1, everyday flagged share, macro-F1 (measured only)."""
    rows = []
    for baseline in BASELINES:
        for set_name in (*EVALUATION_SETS, BENCHMARK):
            figures = metrics["baselines"][baseline]["sets"][set_name]
            if not figures.get("measured"):
                continue
            privacy = figures["privacy_vs_not"]
            rows.append(
                {
                    "baseline": baseline,
                    "set": set_name,
                    "rows": figures["rows"],
                    "privacy_precision": privacy["precision"],
                    "privacy_recall": privacy["recall"],
                    "privacy_f1": privacy["f1"],
                    "everyday_flagged_share": figures["everyday_flagged_share"],
                    "macro_f1": figures["macro_f1"],
                }
            )
    return rounded(rows)


def _cell(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def headline_table(rows: Sequence[Mapping]) -> str:
    lines = [
        "| baseline | set | rows | privacy precision | privacy recall | privacy F1 | everyday flagged | macro-F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [
            row["baseline"],
            row["set"],
            row["rows"],
            row["privacy_precision"],
            row["privacy_recall"],
            row["privacy_f1"],
            row["everyday_flagged_share"],
            row["macro_f1"],
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def evaluation_markdown(metrics: Mapping, export_sha256: str) -> str:
    benchmark = metrics["benchmark"]
    best = metrics["best_baseline"]
    lines = [
        "# Evaluation of the curated export",
        "",
        f"Export sha256 `{export_sha256}`, dataset_version `{metrics['export']['dataset_version']}`.",
        "Written by `make evaluate` (scripts/evaluate.py); every figure is in `metrics.json`, slices in `slices.csv`.",
        "",
        "**Read this first.** Validation, test and control are held-out splits of the same curated export: the",
        "same generator templates, the same curation and the same label process as train. Figures on them show",
        "that the export is learnable, **not that a model trained on it generalises** to real messages. The",
        "benchmark, texts from other sources labelled independently, is the evidence of generalisation.",
        "",
        headline_table(headline(metrics)),
        "",
        "Privacy = any intent other than `non_privacy` (benchmark truth: `is_privacy`). Everyday flagged = share",
        "of the truly non-privacy rows predicted as privacy. Macro-F1 is over the intents the set labels (on the",
        "benchmark only its rows with an `intent`).",
        "",
        "## Baselines",
        "",
        f"- `text`: word 1-2 gram + char_wb 2-5 gram TF-IDF, logistic regression; "
        f"{metrics['baselines']['text']['train_rows']} train rows with text.",
        f"- `features`: the {len(metrics['export']['feature_columns'])} `f_*` columns, standardised, logistic "
        f"regression; {metrics['baselines']['features']['train_rows']} train rows (SMOTE vectors included).",
        "",
        f"Best baseline by test macro-F1: `{best['by_test_macro_f1'] or '-'}`; by benchmark privacy F1: "
        f"`{best['by_benchmark_privacy_f1'] or '-'}` ({best['by_benchmark_privacy_f1_note']}).",
        "",
        "## Benchmark",
        "",
    ]
    if benchmark["measured"]:
        lines.append(
            f"{benchmark['rows']} rows ({benchmark['labelled_rows']} with an intent), sha256 `{benchmark['sha256']}`."
            " The features baseline cannot score it: it has text only, no `f_*` columns."
        )
    else:
        lines.append(f"Not measured: {benchmark['reason']}.")
    lines += ["", "## Worst-slice gaps (text baseline, macro-F1)", ""]
    lines.append(f"Best minus worst macro-F1 among slices with at least {metrics['slices']['min_rows']} labelled rows.")
    lines.append("")
    lines.append("| set | key | gap | best | worst |")
    lines.append("|---|---|---|---|---|")
    for set_name, keys in sorted(metrics["slices"]["text"].items()):
        for key, entry in sorted(keys.items()):
            gap = entry.get("worst_gap") if entry.get("measured") else None
            if not gap or gap["gap"] is None:
                reason = gap["reason"] if gap else entry.get("reason", "")
                lines.append(f"| {set_name} | {key} | - | {reason} | |")
            else:
                best_s = f"{gap['best']['value']} ({gap['best']['macro_f1']:.3f})"
                worst_s = f"{gap['worst']['value']} ({gap['worst']['macro_f1']:.3f})"
                lines.append(f"| {set_name} | {key} | {gap['gap']:.3f} | {best_s} | {worst_s} |")
    lines += [
        "",
        "## Files",
        "",
        "`metrics.json`, `slices.csv`, `metadata.json` (hashes, versions, timings, command), "
        "`model_text.skops`, `model_features.skops`, and the plots `confusion_matrix_text_test.png`, "
        "`confusion_matrix_text_benchmark.png`, `pr_curves_text_test.png`, `pr_curve_text_benchmark_privacy.png` "
        "(benchmark plots only when it was measured).",
        "",
    ]
    return "\n".join(lines)


def card_section(metrics: Mapping, export_sha256: str) -> str:
    return "\n".join(
        [
            CARD_START,
            "## Evaluation",
            "",
            f"Baseline classifiers trained on this export (sha256 `{export_sha256}`) with "
            "`make build && make evaluate`; details in `evaluation/EVALUATION.md` and `evaluation/metrics.json`.",
            "The export's own splits only show that it is learnable; the benchmark (real texts from other "
            "sources) is the evidence of generalisation.",
            "",
            headline_table(headline(metrics)),
            CARD_END,
        ]
    )


def update_card(card: Path, section: str) -> bool:
    """Put ``section`` between the evaluation markers of the card, or append it; False when there is no card."""
    if not card.is_file():
        return False
    text = card.read_text(encoding="utf-8")
    start, end = text.find(CARD_START), text.find(CARD_END)
    if start != -1 and end > start:
        text = text[:start] + section + text[end + len(CARD_END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    card.write_text(text, encoding="utf-8")
    return True


def package_versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    return versions


# ---------------------------------------------------------------------------------------------------------------
# The whole run
# ---------------------------------------------------------------------------------------------------------------


def _say(message: str) -> None:
    print(f"[evaluate] {message}", flush=True)


def _best(metrics: Mapping, benchmark_measured: bool) -> dict:
    sets = {b: metrics[b]["sets"] for b in BASELINES}
    test_scores = {b: sets[b]["test"].get("macro_f1") for b in BASELINES if sets[b]["test"].get("measured")}
    by_test = max(sorted(test_scores), key=lambda b: test_scores[b]) if test_scores else None
    bench_scores = {
        b: sets[b][BENCHMARK]["privacy_vs_not"]["f1"]
        for b in BASELINES
        if sets[b][BENCHMARK].get("measured") and sets[b][BENCHMARK]["privacy_vs_not"]["f1"] is not None
    }
    by_bench = max(sorted(bench_scores), key=lambda b: bench_scores[b]) if bench_scores else None
    if not benchmark_measured:
        note = "benchmark not measured"
    elif len(bench_scores) == 1:
        note = "the only baseline that can score the benchmark"
    else:
        note = "highest benchmark privacy F1"
    return {"by_test_macro_f1": by_test, "by_benchmark_privacy_f1": by_bench, "by_benchmark_privacy_f1_note": note}


def run_evaluation(
    export_path: Path,
    manifest_path: Path | None,
    benchmark_path: Path | None,
    output_dir: Path,
    card_path: Path | None = None,
    command: Sequence[str] = (),
    min_slice_rows: int = MIN_SLICE_ROWS,
    seed: int = SEED,
) -> dict:
    """Train both baselines on the export, score them, write every file to ``output_dir``; return the metrics.

    ``benchmark_path`` None evaluates without the benchmark (recorded as not measured); a path that does not
    exist raises :class:`EvaluationError` before anything is trained. BLAS and OpenMP run on one thread: the
    figures then do not depend on the machine's thread count, and on a shared machine it is several times
    faster than threads fighting for cores.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _run_evaluation(
            export_path, manifest_path, benchmark_path, output_dir, card_path, command, min_slice_rows, seed
        )


def _run_evaluation(export_path, manifest_path, benchmark_path, output_dir, card_path, command, min_slice_rows, seed):
    export_path, output_dir = Path(export_path), Path(output_dir)
    benchmark = load_benchmark(benchmark_path) if benchmark_path is not None else None
    _say(f"reading {export_path}")
    export = load_export(export_path)
    export_sha256 = sha256_of(export_path)
    manifest = load_manifest(manifest_path)
    claimed = manifest.get("parquet_sha256")
    if claimed and claimed != export_sha256:
        _say(f"warning: the manifest claims sha256 {claimed}, the export has {export_sha256}")
    features = feature_columns(export)
    dataset_version = (
        str(export["dataset_version"].iloc[0]) if "dataset_version" in export.columns and len(export) else None
    )
    output_dir.mkdir(parents=True, exist_ok=True)

    baselines, slices, models, seconds, per_row_of = {}, {}, {}, {}, {}
    for baseline in BASELINES:
        _say(f"training the {baseline} baseline")
        model, train, took = fit_baseline(export, baseline, features, seed)
        models[baseline], seconds[baseline] = model, took
        _say(f"  {len(train)} train rows, {took:.1f} s")
        sets, baseline_slices = {}, {}
        for set_name in EVALUATION_SETS:
            rows = export[export["split"] == set_name]
            if rows.empty:
                sets[set_name] = not_measured(f"the export has no rows with split = {set_name}")
                continue
            figures, per_row, probabilities = score_set(
                model,
                rows,
                model_inputs(rows, baseline, features),
                rows["intent"],
                privacy_from_intent(rows["intent"]),
            )
            sets[set_name] = figures
            per_row_of[(baseline, set_name)] = (per_row, probabilities)
            if set_name in ("test", "control"):
                baseline_slices[set_name] = slices_for(per_row, rows, EXPORT_SLICE_KEYS, min_slice_rows)
        if benchmark is None:
            sets[BENCHMARK] = not_measured("run with --benchmark none")
        elif baseline != "text":
            sets[BENCHMARK] = not_measured(
                "the benchmark has text only, no f_* columns, so this baseline cannot score it"
            )
        else:
            figures, per_row, probabilities = score_set(
                model,
                benchmark,
                benchmark["text"].astype(str).tolist(),
                benchmark["intent"],
                benchmark["is_privacy"].astype(bool).to_numpy(),
            )
            sets[BENCHMARK] = figures
            per_row_of[(baseline, BENCHMARK)] = (per_row, probabilities)
            baseline_slices[BENCHMARK] = slices_for(per_row, benchmark, BENCHMARK_SLICE_KEYS, min_slice_rows)
        for set_name, figures in sets.items():
            if figures.get("measured"):
                _say(
                    f"  {set_name}: macro-F1 {_cell(rounded(figures['macro_f1']))}, "
                    f"privacy F1 {_cell(rounded(figures['privacy_vs_not']['f1']))}"
                )
        baselines[baseline] = {
            "train_rows": len(train),
            "train_rows_by_intent": {k: int(v) for k, v in sorted(train["intent"].value_counts().items())},
            "train_rows_synthetic": int(train["is_synthetic"].sum()) if "is_synthetic" in train.columns else None,
            "classes": [str(c) for c in models[baseline].classes_],
            "sets": sets,
        }
        slices[baseline] = baseline_slices

    metrics = {
        "export": {
            "sha256": export_sha256,
            "dataset_version": dataset_version,
            "rows": len(export),
            "rows_by_split": {k: int(v) for k, v in sorted(export["split"].value_counts().items())},
            "feature_columns": features,
        },
        "benchmark": (
            not_measured("run with --benchmark none")
            if benchmark is None
            else {
                "measured": True,
                "sha256": sha256_of(benchmark_path),
                "rows": len(benchmark),
                "labelled_rows": int(benchmark["intent"].notna().sum()),
                "privacy_rows": int(benchmark["is_privacy"].astype(bool).sum()),
            }
        ),
        "baselines": {
            "text": {
                "description": "TF-IDF word 1-2 grams + char_wb 2-5 grams (sublinear tf), logistic regression "
                "(lbfgs, class_weight balanced)",
                **baselines["text"],
            },
            "features": {
                "description": "f_* columns, StandardScaler, logistic regression (lbfgs, class_weight balanced)",
                **baselines["features"],
            },
        },
        "slices": {"min_rows": min_slice_rows, **slices},
        "seed": seed,
    }
    metrics["best_baseline"] = _best(metrics["baselines"], benchmark is not None)
    metrics = rounded(metrics)

    _say("writing metrics.json and slices.csv")
    (output_dir / "metrics.json").write_text(stable_json(metrics), encoding="utf-8")
    write_slices_csv(slice_rows(slices), output_dir / "slices.csv")

    _say("drawing plots")
    write_plots(models["text"], per_row_of, output_dir)

    _say("saving models (skops) and checking they load and predict identically")
    for baseline, model in models.items():
        path = output_dir / f"model_{baseline}.skops"
        save_model(model, path)
        loaded = load_model(path)
        sample = export[export["split"] == "test"].head(200)
        if sample.empty:
            sample = training_rows(export, baseline).head(200)
        inputs = model_inputs(sample, baseline, features)
        if not np.array_equal(loaded.predict(inputs), model.predict(inputs)):
            raise EvaluationError(f"{path} does not predict like the trained model")

    metadata = {
        "export_path": str(export_path),
        "export_sha256": export_sha256,
        "manifest_path": str(manifest_path) if manifest_path else None,
        "manifest_sha256_claim": claimed,
        "manifest_sha256_matches": (claimed == export_sha256) if claimed else None,
        "manifest_dataset_version": manifest.get("dataset_version"),
        "manifest_vars": manifest.get("vars"),
        "benchmark_path": str(benchmark_path) if benchmark_path is not None else None,
        "package_versions": package_versions(),
        "training_seconds": {k: round(v, 3) for k, v in seconds.items()},
        "train_rows": {b: metrics["baselines"][b]["train_rows"] for b in BASELINES},
        "rows_by_split": metrics["export"]["rows_by_split"],
        "headline": headline(metrics),
        "best_baseline": metrics["best_baseline"],
        "command": list(command),
    }
    (output_dir / "metadata.json").write_text(
        json.dumps(rounded(metadata), sort_keys=True, indent=2) + "\n", encoding="utf-8"
    )
    (output_dir / "EVALUATION.md").write_text(evaluation_markdown(metrics, export_sha256), encoding="utf-8")
    if card_path is not None and update_card(Path(card_path), card_section(metrics, export_sha256)):
        _say(f"updated the Evaluation section of {card_path}")
    return metrics


def write_plots(text_model_fitted, per_row_of: Mapping, output_dir: Path) -> list[Path]:
    """Confusion matrices (test, benchmark) and precision-recall curves of the text baseline."""
    written = []
    classes = [str(c) for c in text_model_fitted.classes_]
    if ("text", "test") in per_row_of:
        per_row, probabilities = per_row_of[("text", "test")]
        path = output_dir / "confusion_matrix_text_test.png"
        labels = sorted(per_row["true_intent"].unique())
        plot_confusion_matrix(
            per_row["true_intent"], per_row["pred_intent"], labels, classes, "text baseline, test split", path
        )
        written.append(path)
        curves = {
            label: (per_row["true_intent"].to_numpy() == label, probabilities[:, classes.index(label)])
            for label in classes
            if (per_row["true_intent"] == label).any()
        }
        path = output_dir / "pr_curves_text_test.png"
        plot_pr_curves(curves, "text baseline, test split: precision-recall per intent (one vs rest)", path)
        written.append(path)
    if ("text", BENCHMARK) in per_row_of:
        per_row, _ = per_row_of[("text", BENCHMARK)]
        labelled = per_row[per_row["true_intent"].notna()]
        if not labelled.empty:
            path = output_dir / "confusion_matrix_text_benchmark.png"
            plot_confusion_matrix(
                labelled["true_intent"],
                labelled["pred_intent"],
                sorted(labelled["true_intent"].unique()),
                classes,
                "text baseline, benchmark (rows with an intent)",
                path,
            )
            written.append(path)
        truth = per_row["true_privacy"].to_numpy()
        if truth.any() and not truth.all() and per_row["privacy_score"].notna().all():
            path = output_dir / "pr_curve_text_benchmark_privacy.png"
            plot_pr_curves(
                {"privacy vs not": (truth, per_row["privacy_score"].to_numpy())},
                "text baseline, benchmark: privacy vs not (score 1 - P(non_privacy))",
                path,
            )
            written.append(path)
    return written
