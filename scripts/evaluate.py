"""Train the baseline classifiers on the curated export and write output/evaluation/ (run by `make evaluate`).

Two baselines (TF-IDF text, f_* features), scored on the export's validation, test and control splits and on
the benchmark of real texts; metrics.json (deterministic), slices.csv, plots, skops models, metadata.json and
EVALUATION.md, and an Evaluation section in the dataset card. See docs/evaluation.md. Exit status 1, with the
reason on stderr, when the export or the benchmark is missing (`--benchmark none` evaluates without it).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from privacy_curation.evaluation import (
    MIN_SLICE_ROWS,
    EvaluationError,
    headline,
    headline_table,
    run_evaluation,
)

OUTPUT = Path(os.environ.get("PRIVACY_OUTPUT_DIR", "output"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--export", type=Path, default=OUTPUT / "curated_training_data.parquet")
    parser.add_argument("--manifest", type=Path, default=OUTPUT / "curated_training_data.manifest.json")
    parser.add_argument(
        "--benchmark",
        default="data/benchmark/benchmark.parquet",
        help="benchmark Parquet file of real texts, or `none` to evaluate without one",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT / "evaluation", help="folder the results go to")
    parser.add_argument(
        "--card",
        type=Path,
        default=None,
        help="dataset card that gets the Evaluation section (default: DATASET_CARD.md beside the export)",
    )
    parser.add_argument("--min-slice-rows", type=int, default=MIN_SLICE_ROWS)
    args = parser.parse_args(argv)
    benchmark = None if args.benchmark.lower() == "none" else Path(args.benchmark)
    card = args.card if args.card is not None else args.export.parent / "DATASET_CARD.md"
    command = ["scripts/evaluate.py", *(sys.argv[1:] if argv is None else argv)]
    try:
        metrics = run_evaluation(
            args.export,
            args.manifest,
            benchmark,
            args.output,
            card_path=card,
            command=command,
            min_slice_rows=args.min_slice_rows,
        )
    except EvaluationError as error:
        print(f"evaluate failed: {error}", file=sys.stderr)
        return 1
    best = metrics["best_baseline"]
    print()
    print(headline_table(headline(metrics)))
    print()
    print(
        f"best baseline: {best['by_test_macro_f1'] or '-'} by test macro-F1, "
        f"{best['by_benchmark_privacy_f1'] or '-'} by benchmark privacy F1 ({best['by_benchmark_privacy_f1_note']})"
    )
    print("the export's own test split is not evidence of generalisation; the benchmark is")
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
