"""`make evaluate`: the metric helpers on hand-made arrays, then a real small build evaluated end to end."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import PROJECT_DIR, Build, failed_nodes, run_dbt

from privacy_curation import evaluation as ev

# --------------------------------------------------------------------------------------------------------------
# Metric helpers, against figures computed by hand
# --------------------------------------------------------------------------------------------------------------


def test_binary_scores_and_everyday_share_by_hand():
    truth = [True, True, True, False, False, False, False]
    predicted = [True, True, False, True, False, False, False]
    scores = ev.binary_scores(truth, predicted)
    # tp 2, fp 1, fn 1, tn 3
    assert (scores["true_positives"], scores["false_positives"]) == (2, 1)
    assert (scores["false_negatives"], scores["true_negatives"]) == (1, 3)
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["f1"] == pytest.approx(2 / 3)
    assert (scores["support_privacy"], scores["support_non_privacy"]) == (3, 4)
    # one of the four everyday rows is flagged as privacy
    assert ev.everyday_flagged_share(truth, predicted) == pytest.approx(0.25)


def test_binary_scores_undefined_figures_are_none():
    # no predicted positive: precision undefined, recall 0, F1 0
    scores = ev.binary_scores([True, False], [False, False])
    assert scores["precision"] is None
    assert scores["recall"] == 0.0
    assert scores["f1"] == 0.0
    # neither a positive nor a predicted positive: everything undefined
    scores = ev.binary_scores([False, False], [False, False])
    assert (scores["precision"], scores["recall"], scores["f1"]) == (None, None, None)
    assert ev.everyday_flagged_share([True, True], [False, True]) is None


def test_privacy_from_intent():
    assert ev.privacy_from_intent(["deletion", "non_privacy", "access"]).tolist() == [True, False, True]


def test_multiclass_scores_by_hand():
    y_true = ["a", "a", "b", "b", "c"]
    y_pred = ["a", "b", "b", "b", "a"]
    scores = ev.multiclass_scores(y_true, y_pred, ["a", "b", "c"])
    # a: P 1/2 R 1/2 F 1/2; b: P 2/3 R 1 F 0.8; c: 0
    assert scores["accuracy"] == pytest.approx(0.6)
    assert scores["macro_f1"] == pytest.approx((0.5 + 0.8 + 0.0) / 3)
    assert scores["weighted_f1"] == pytest.approx((0.5 * 2 + 0.8 * 2 + 0.0 * 1) / 5)
    assert scores["per_class"]["b"] == pytest.approx({"precision": 2 / 3, "recall": 1.0, "f1": 0.8, "support": 2})
    assert scores["per_class"]["c"]["support"] == 1
    assert ev.multiclass_scores([], [], ["a"])["macro_f1"] is None


def test_one_vs_rest_auc_skips_absent_classes():
    y_true = ["a", "a", "b", "b"]
    classes = ["a", "b", "c"]
    scores = np.array([[0.9, 0.1, 0.0], [0.4, 0.6, 0.0], [0.3, 0.7, 0.0], [0.2, 0.8, 0.0]])
    auc = ev.one_vs_rest_auc(y_true, scores, classes, ["a", "b", "c", "d"])
    # class a: positives score 0.9 and 0.4 against negatives 0.3 and 0.2: perfectly ranked
    assert auc["per_class"]["a"] == {"roc_auc": 1.0, "pr_auc": 1.0}
    assert auc["per_class"]["b"]["roc_auc"] == 1.0
    assert auc["skipped_classes"] == {"c": "no row of this class in the set", "d": "not a class of the model"}
    assert auc["macro_roc_auc"] == 1.0


def test_slice_scores_by_hand():
    frame = pd.DataFrame(
        {
            "lang": ["en", "en", "en", "de", "de"],
            "true_intent": ["a", "a", "non_privacy", "b", None],
            "true_privacy": [True, True, False, True, False],
            "pred_intent": ["a", "b", "non_privacy", "non_privacy", "b"],
        }
    )
    de, en = ev.slice_scores(frame, "lang")
    assert en["value"] == "en" and (en["rows"], en["labelled_rows"]) == (3, 3)
    assert en["accuracy"] == pytest.approx(2 / 3)
    # macro over the labelled intents of the slice, a (F 2/3) and non_privacy (F 1); b is only predicted
    assert en["macro_f1"] == pytest.approx((2 / 3 + 1.0) / 2)
    assert en["privacy_f1"] == 1.0
    # de: one labelled row, wrong; privacy: the privacy row missed, the everyday row flagged
    assert de["value"] == "de" and (de["rows"], de["labelled_rows"]) == (2, 1)
    assert (de["accuracy"], de["macro_f1"], de["privacy_f1"]) == (0.0, 0.0, 0.0)


def test_worst_slice_gap_by_hand():
    slices = [
        {"value": "de", "labelled_rows": 40, "macro_f1": 0.9},
        {"value": "en", "labelled_rows": 35, "macro_f1": 0.6},
        {"value": "fr", "labelled_rows": 10, "macro_f1": 0.1},  # too small to count
    ]
    gap = ev.worst_slice_gap(slices, min_rows=30)
    assert gap["gap"] == pytest.approx(0.3)
    assert gap["best"] == {"value": "de", "macro_f1": 0.9}
    assert gap["worst"] == {"value": "en", "macro_f1": 0.6}
    assert (gap["min_rows"], gap["eligible_slices"]) == (30, 2)
    none = ev.worst_slice_gap(slices, min_rows=36)
    assert none["gap"] is None and "fewer than two slices with at least 36" in none["reason"]


def test_stable_json_rounds_sorts_and_drops_nan():
    text = ev.stable_json({"b": np.float64(1 / 3), "a": [np.int64(2), float("nan"), -0.0], "c": np.bool_(True)})
    assert text == '{\n  "a": [\n    2,\n    null,\n    0.0\n  ],\n  "b": 0.333333,\n  "c": true\n}\n'


def test_update_card_is_idempotent(tmp_path):
    card = tmp_path / "DATASET_CARD.md"
    assert not ev.update_card(card, "x")
    card.write_text("# Card\n\nbody\n")
    first = f"{ev.CARD_START}\n## Evaluation\none\n{ev.CARD_END}"
    assert ev.update_card(card, first)
    assert ev.update_card(card, first)
    assert card.read_text() == f"# Card\n\nbody\n\n{first}\n"
    second = first.replace("one", "two")
    ev.update_card(card, second)
    assert card.read_text() == f"# Card\n\nbody\n\n{second}\n"


def test_types_outside_allowlist():
    assert ev.types_outside_allowlist(["numpy.float64", "sklearn.pipeline.Pipeline"]) == []
    assert ev.types_outside_allowlist(["builtins.eval", "numpy.dtype"]) == ["builtins.eval"]


def test_missing_benchmark_is_named(tmp_path):
    missing = tmp_path / "nowhere" / "benchmark.parquet"
    with pytest.raises(ev.EvaluationError, match=re.escape(f"benchmark not found: {missing}")) as raised:
        ev.load_benchmark(missing)
    assert "--benchmark none" in str(raised.value)


def tiny_export(path):
    """A hand-made export of 3 intents without a control split, one train row a text-less vector."""
    templates = {
        "deletion": "please delete my account and erase my data number {i}",
        "access": "send me a copy of the personal data you hold, request {i}",
        "non_privacy": "where is my parcel, order {i} has not arrived",
    }
    rng = np.random.default_rng(0)
    rows = []
    for intent, template in templates.items():
        for i in range(14):
            split = "train" if i < 8 else "validation" if i < 11 else "test"
            rows.append(
                {
                    "example_id": f"{intent}-{i:02d}",
                    "text": template.format(i=i),
                    "intent": intent,
                    "split": split,
                    "is_synthetic": False,
                    "language": "en" if i % 2 else "de",
                    "f_length": len(template) + rng.normal(),
                    "f_lexicon": float(list(templates).index(intent)) + rng.normal(scale=0.1),
                    "dataset_version": "tiny",
                }
            )
    rows.append({**rows[0], "example_id": "smote-0", "text": None, "is_synthetic": True})
    pd.DataFrame(rows).to_parquet(path, index=False)
    return path


def test_without_benchmark_or_control(tmp_path):
    export = tiny_export(tmp_path / "curated_training_data.parquet")
    metrics = ev.run_evaluation(export, None, None, tmp_path / "evaluation")
    assert metrics["benchmark"] == {"measured": False, "reason": "run with --benchmark none"}
    text = metrics["baselines"]["text"]
    assert (text["train_rows"], metrics["baselines"]["features"]["train_rows"]) == (24, 25)
    assert text["sets"]["control"] == {"measured": False, "reason": "the export has no rows with split = control"}
    assert text["sets"]["benchmark"]["measured"] is False
    assert text["sets"]["test"]["labels"] == ["access", "deletion", "non_privacy"]
    assert metrics["best_baseline"]["by_benchmark_privacy_f1"] is None
    assert metrics["slices"]["text"]["test"]["channel"]["measured"] is False
    written = sorted(p.name for p in (tmp_path / "evaluation").iterdir())
    assert "confusion_matrix_text_test.png" in written and "confusion_matrix_text_benchmark.png" not in written
    metadata = json.loads((tmp_path / "evaluation" / "metadata.json").read_text())
    assert metadata["manifest_sha256_matches"] is None and metadata["benchmark_path"] is None


# --------------------------------------------------------------------------------------------------------------
# A real small build, evaluated end to end
# --------------------------------------------------------------------------------------------------------------

BENCHMARK_ROWS = [
    ("Please delete my account and all the data you hold about me.", True, "deletion", "forum", "informal"),
    ("I want a copy of all the personal data you have on me.", True, "access", "forum", "informal"),
    ("Stop sending me marketing emails, unsubscribe me now.", True, "marketing_unsubscribe", "forum", "informal"),
    ("My address in your records is wrong, please correct it.", True, "rectification", "letters", "formal"),
    ("Do not sell or share my personal information.", True, "opt_out_sale_sharing", "letters", "formal"),
    ("I withdraw my consent to the processing of my data.", True, "consent_withdrawal", "letters", "formal"),
    ("How long do you keep my data and who do you share it with?", True, None, "forum", "informal"),
    ("I am filing a complaint about how you handled my data.", True, "privacy_complaint", "letters", "formal"),
    ("My parcel has not arrived yet, where is it?", False, "non_privacy", "forum", "informal"),
    ("Can I change the colour of my order before it ships?", False, "non_privacy", "forum", "informal"),
    ("The app crashes every time I open the settings page.", False, None, "letters", "formal"),
    ("What are your opening hours on Sunday?", False, "non_privacy", "letters", "formal"),
]
FILES = (
    "metrics.json",
    "slices.csv",
    "metadata.json",
    "EVALUATION.md",
    "model_text.skops",
    "model_features.skops",
    "confusion_matrix_text_test.png",
    "confusion_matrix_text_benchmark.png",
    "pr_curves_text_test.png",
    "pr_curve_text_benchmark_privacy.png",
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def write_benchmark(path):
    frame = pd.DataFrame(BENCHMARK_ROWS, columns=["text", "is_privacy", "intent", "source", "register"])
    frame.insert(0, "benchmark_id", [f"fixture-{i:02d}" for i in range(len(frame))])
    frame["source_label"] = frame["intent"].fillna("unlabelled")
    frame["source_url"] = "https://example.org/fixture"
    frame["licence"] = "CC0-1.0"
    frame["language"] = "en"
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(path, index=False)
    return path


def evaluate_cli(*args):
    return subprocess.run(
        [sys.executable, str(PROJECT_DIR / "scripts" / "evaluate.py"), *map(str, args)],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def small_build(tmp_path_factory) -> Build:
    """3,000 messages balanced with SMOTE (train holds text-less vectors); models only, no data tests."""
    work_dir = tmp_path_factory.mktemp("evaluation_build")
    deps = run_dbt(["deps", "--quiet"], work_dir)
    assert deps.success, f"dbt deps failed: {deps.exception}"
    result = run_dbt(
        [
            "build",
            "--exclude-resource-type",
            "test",
            "unit_test",
            "--vars",
            json.dumps({"synthetic_messages": 3000, "balance_method": "smote"}),
        ],
        work_dir,
    )
    assert result.success, "dbt build failed:\n" + failed_nodes(result)
    # without the data tests the export set is not published: it waits in output/.staging/ (docs/export.md)
    return Build(work_dir, work_dir / "curation.duckdb", work_dir / "output" / ".staging", result)


@pytest.fixture(scope="module")
def evaluated(small_build, tmp_path_factory):
    """scripts/evaluate.py run once on the small build with the fixture benchmark."""
    benchmark = write_benchmark(tmp_path_factory.mktemp("benchmark") / "benchmark.parquet")
    out = small_build.output_dir / "evaluation"
    done = evaluate_cli(
        "--export", small_build.parquet, "--manifest", small_build.manifest, "--benchmark", benchmark, "--output", out
    )
    assert done.returncode == 0, done.stderr
    return {"build": small_build, "benchmark": benchmark, "out": out, "stdout": done.stdout}


def in_unit(value):
    return value is None or 0.0 <= value <= 1.0


@pytest.mark.dbt
def test_every_file_is_written(evaluated):
    out = evaluated["out"]
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    for name in FILES:
        if name.endswith(".png"):
            assert (out / name).read_bytes()[:8] == PNG_SIGNATURE, name
            from PIL import Image

            with Image.open(out / name) as image:
                image.verify()
                assert 300 <= image.size[0] <= 1500 and 300 <= image.size[1] <= 1200
    assert "[evaluate] training the text baseline" in evaluated["stdout"]
    assert "not evidence of generalisation" in evaluated["stdout"]


@pytest.mark.dbt
def test_metrics_keys_and_ranges(evaluated):
    metrics = json.loads((evaluated["out"] / "metrics.json").read_text())
    build = evaluated["build"]
    manifest = json.loads(build.manifest.read_text())
    assert metrics["export"]["sha256"] == manifest["parquet_sha256"]
    assert set(metrics["baselines"]) == {"text", "features"}
    [[train_rows, text_rows]] = build.export_rows("select count(*), count(text) from export where split = 'train'")
    assert metrics["baselines"]["features"]["train_rows"] == train_rows
    assert metrics["baselines"]["text"]["train_rows"] == text_rows < train_rows  # SMOTE vectors have no text
    for baseline in ("text", "features"):
        sets = metrics["baselines"][baseline]["sets"]
        for set_name in ("validation", "test", "control"):
            figures = sets[set_name]
            assert figures["measured"] and len(figures["labels"]) == 13
            for key in ("accuracy", "macro_f1", "weighted_f1", "macro_roc_auc", "macro_pr_auc"):
                assert 0.0 <= figures[key] <= 1.0, (baseline, set_name, key)
            assert in_unit(figures["everyday_flagged_share"])
            privacy = figures["privacy_vs_not"]
            for key in ("precision", "recall", "f1", "roc_auc", "pr_auc"):
                assert in_unit(privacy[key])
            for label, per_class in figures["per_class"].items():
                assert set(per_class) >= {"precision", "recall", "f1", "support"}, label
                assert per_class["support"] > 0
    benchmark = metrics["baselines"]["text"]["sets"]["benchmark"]
    assert benchmark["rows"] == 12 and benchmark["labelled_rows"] == 10
    assert benchmark["labels"] == sorted({r[2] for r in BENCHMARK_ROWS if r[2]})
    assert benchmark["privacy_vs_not"]["support_privacy"] == 8
    assert benchmark["privacy_vs_not"]["support_non_privacy"] == 4
    assert "access" in benchmark["per_class"] and "restriction" not in benchmark["per_class"]
    features_benchmark = metrics["baselines"]["features"]["sets"]["benchmark"]
    assert features_benchmark["measured"] is False and "no f_* columns" in features_benchmark["reason"]
    assert metrics["best_baseline"]["by_benchmark_privacy_f1"] == "text"
    assert metrics["best_baseline"]["by_test_macro_f1"] in ("text", "features")
    slices = metrics["slices"]
    assert slices["min_rows"] == ev.MIN_SLICE_ROWS
    assert set(slices["text"]) == {"test", "control", "benchmark"}
    assert set(slices["features"]) == {"test", "control"}
    assert set(slices["text"]["test"]) == set(ev.EXPORT_SLICE_KEYS)
    assert set(slices["text"]["benchmark"]) == {"source", "register"}
    forum = next(v for v in slices["text"]["benchmark"]["source"]["values"] if v["value"] == "forum")
    assert (forum["rows"], forum["labelled_rows"]) == (6, 5)
    test_rows = metrics["baselines"]["text"]["sets"]["test"]["rows"]
    assert sum(v["rows"] for v in slices["text"]["test"]["language"]["values"]) == test_rows
    csv = pd.read_csv(evaluated["out"] / "slices.csv")
    assert len(csv) == sum(
        len(entry["values"])
        for per_set in (slices["text"], slices["features"])
        for k in per_set.values()
        for entry in k.values()
    )


@pytest.mark.dbt
def test_metadata_and_reports(evaluated):
    out, build = evaluated["out"], evaluated["build"]
    metadata = json.loads((out / "metadata.json").read_text())
    manifest = json.loads(build.manifest.read_text())
    assert metadata["manifest_sha256_matches"] is True
    assert metadata["export_sha256"] == manifest["parquet_sha256"] == metadata["manifest_sha256_claim"]
    assert metadata["manifest_dataset_version"] == manifest["dataset_version"]
    assert metadata["manifest_vars"]["synthetic_messages"] == 3000
    assert set(metadata["package_versions"]) >= {"scikit-learn", "numpy", "pandas", "skops", "duckdb", "matplotlib"}
    assert all(seconds > 0 for seconds in metadata["training_seconds"].values())
    assert metadata["command"][0] == "scripts/evaluate.py"
    report = (out / "EVALUATION.md").read_text()
    assert "not that a model trained on it generalises" in report and manifest["parquet_sha256"] in report
    card = (build.output_dir / "DATASET_CARD.md").read_text()
    assert card.count(ev.CARD_START) == 1 and card.rstrip().endswith(ev.CARD_END)
    assert manifest["parquet_sha256"] in card and "make build && make evaluate" in card


@pytest.mark.dbt
def test_models_load_back_and_predict(evaluated):
    """Both skops files hold only scikit-learn/numpy types and score the test split as metrics.json says."""
    import skops.io as sio

    build = evaluated["build"]
    metrics = json.loads((evaluated["out"] / "metrics.json").read_text())
    test_rows = pd.read_parquet(build.parquet).query("split == 'test'")
    features = ev.feature_columns(test_rows)
    for baseline in ("text", "features"):
        path = evaluated["out"] / f"model_{baseline}.skops"
        assert ev.types_outside_allowlist(sio.get_untrusted_types(file=path)) == []
        model = ev.load_model(path)
        predictions = model.predict(ev.model_inputs(test_rows, baseline, features))
        assert set(predictions) <= set(model.classes_)
        accuracy = float(np.mean(predictions == test_rows["intent"].to_numpy()))
        assert round(accuracy, 6) == metrics["baselines"][baseline]["sets"]["test"]["accuracy"]


@pytest.mark.dbt
def test_same_export_gives_identical_metrics(evaluated, tmp_path):
    """A copy of the export elsewhere, evaluated again in-process: metrics.json byte for byte, card unchanged."""
    build = evaluated["build"]
    for path in (build.parquet, build.manifest, build.output_dir / "DATASET_CARD.md"):
        shutil.copyfile(path, tmp_path / path.name)
    ev.run_evaluation(
        tmp_path / build.parquet.name,
        tmp_path / build.manifest.name,
        evaluated["benchmark"],
        tmp_path / "evaluation",
        card_path=tmp_path / "DATASET_CARD.md",
    )
    assert (tmp_path / "evaluation" / "metrics.json").read_bytes() == (evaluated["out"] / "metrics.json").read_bytes()
    assert (tmp_path / "evaluation" / "slices.csv").read_bytes() == (evaluated["out"] / "slices.csv").read_bytes()
    # the card already had the section: replaced, not appended twice
    assert (tmp_path / "DATASET_CARD.md").read_bytes() == (build.output_dir / "DATASET_CARD.md").read_bytes()


@pytest.mark.dbt
def test_missing_benchmark_stops_with_its_path(evaluated, tmp_path):
    build = evaluated["build"]
    missing = tmp_path / "data" / "benchmark" / "benchmark.parquet"
    out = tmp_path / "evaluation"
    done = evaluate_cli(
        "--export", build.parquet, "--manifest", build.manifest, "--benchmark", missing, "--output", out
    )
    assert done.returncode == 1
    assert f"evaluate failed: benchmark not found: {missing}" in done.stderr
    assert "--benchmark none" in done.stderr
    assert not out.exists()
