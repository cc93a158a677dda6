"""Build the real-text benchmark and the public training corpora from fetched repository snapshots.

Provenance script: it reads bare git snapshots of public dataset repositories (fetched beforehand under
``<mirror>/<owner>+<name>/repo``, default mirror ``/work/.mirror``) and writes

* ``data/benchmark/benchmark.parquet`` -- a held-out evaluation set that never enters training, and
* ``raw/messages/public_<source>.parquet`` and ``raw/annotations/public_<source>.parquet`` -- training corpora
  in the project's raw landing-zone contract. Sources are disjoint from the benchmark's, except the URR golden set,
  whose non-privacy reviews are split by a hash of their text fingerprint (no fingerprint on both sides).

It cannot run in CI: the snapshots are not part of the repository and are not downloadable from CI. The output is
deterministic: rows are ordered and sampled by a salted SHA-256 of their source id, never by a random generator.

Usage::

    python build_public_data.py [--mirror /work/.mirror] [--benchmark-dir data/benchmark] [--staging data]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SEED = "privacy-curation-public-v1"

HWU64_REPO = "xliuhw+NLU-Evaluation-Data"
HWU64_URL = "https://github.com/xliuhw/NLU-Evaluation-Data"
HWU64_CV = "CrossValidation/autoGeneFromRealAnno/autoGene_2018_03_22-13_01_25_169/CrossValidation"
HWU64_PER_LABEL = 50

SNIPS_REPO = "sonos+nlu-benchmark"
SNIPS_URL = "https://github.com/sonos/nlu-benchmark"
SNIPS_DIR = "2017-06-custom-intent-engines"
SNIPS_INTENTS = (
    "AddToPlaylist",
    "BookRestaurant",
    "GetWeather",
    "PlayMusic",
    "RateBook",
    "SearchCreativeWork",
    "SearchScreeningEvent",
)
SNIPS_PER_LABEL = 700
SNIPS_DATE = datetime(2017, 6, 1)
SNIPS_CONFIDENCE = 0.85

URR_REPO = "panichella+UserReviewReference-Replication-Package"
URR_URL = "https://github.com/panichella/UserReviewReference-Replication-Package"
URR_FILE = "data/reviews/golden_set.csv"
URR_CLASS_COLUMNS = ("class1", "class2", "class3", "class4", "class5")
URR_PRIVACY = "PRIVACY"
# SECURITY reviews (mostly lock-screen / PIN feature requests) sit next to privacy: neither positive nor negative.
URR_AMBIGUOUS = frozenset({"SECURITY"})
URR_BENCHMARK_SHARE = 40  # percent of the non-privacy fingerprints that go to the benchmark
URR_CONFIDENCE = 0.8
URR_DEFAULT_DATE = datetime(2016, 7, 1)

# CFPB Consumer Complaint Database: built only with --with-cfpb (licence of the narratives not verified; see
# PUBLIC_CORPORA.md). The sample is an unmodified 1,000-row CFPB CSV extract committed in a third-party repository.
CFPB_REPO = "Ujjwal260+complaint-intelligence-dashboard"
CFPB_FILE = "data/complaints_sample.csv"
CFPB_URL = "https://www.consumerfinance.gov/data-research/consumer-complaints/"
CFPB_MIN_CHARS = 20
CFPB_MAX_CHARS = 3000
CFPB_CONFIDENCE = 0.8
# Issues / sub-issues privacy-related by definition. Value: the project intent when the mapping is unambiguous.
CFPB_PRIVACY_ISSUES: dict[str, str | None] = {
    "Improper use of your report": "privacy_complaint",
    "Improper use of my credit report": "privacy_complaint",
    "Privacy": "privacy_complaint",
    "Incorrect information on your report": None,
    "Incorrect information on credit report": None,
    "Unable to get your credit report or credit score": None,
    "Unable to get credit report/credit score": None,
    "Problem with fraud alerts or security freezes": None,
    "Identity theft / Fraud / Embezzlement": None,
    "Improper contact or sharing of info": None,
    "Threatened to contact someone or share information improperly": None,
}
CFPB_PRIVACY_SUB_ISSUES: dict[str, str] = {"Talked to a third party about your debt": "privacy_complaint"}
# Next to privacy without being clearly about it: used nowhere.
CFPB_AMBIGUOUS_ISSUES = frozenset(
    {
        "Problem with a company's investigation into an existing problem",
        "Problem with a credit reporting company's investigation into an existing problem",
        "Credit reporting company's investigation",
        "Credit monitoring or identity theft protection services",
        "Fraud or scam",
    }
)
CFPB_AMBIGUOUS_SUB_ISSUES = frozenset({"Debt was result of identity theft", "Debt is not yours"})

BENCHMARK_SCHEMA = pa.schema(
    [
        ("benchmark_id", pa.string()),
        ("text", pa.string()),
        ("is_privacy", pa.bool_()),
        ("intent", pa.string()),
        ("source", pa.string()),
        ("source_label", pa.string()),
        ("source_url", pa.string()),
        ("licence", pa.string()),
        ("register", pa.string()),
        ("language", pa.string()),
    ]
)
MESSAGES_SCHEMA = pa.schema(
    [
        ("message_id", pa.string()),
        ("text", pa.string()),
        ("channel", pa.string()),
        ("locale", pa.string()),
        ("created_at", pa.timestamp("us")),
        ("user_id", pa.string()),
    ]
)
ANNOTATIONS_SCHEMA = pa.schema(
    [
        ("message_id", pa.string()),
        ("annotator_id", pa.string()),
        ("intent", pa.string()),
        ("confidence", pa.float64()),
        ("annotated_at", pa.timestamp("us")),
    ]
)


@dataclass(frozen=True)
class Utterance:
    """One human-written utterance with the label its source gave it."""

    source_id: str
    text: str
    label: str


def rank_key(source_id: str) -> str:
    """Deterministic pseudo-random order: a salted SHA-256 of the row's source id."""
    return hashlib.sha256(f"{SEED}:{source_id}".encode()).hexdigest()


def norm(text: str) -> str:
    """Grouping key for near-identical texts: lower-cased ASCII letters and digits only (case, spacing and
    punctuation folded), the same fingerprint the project's leakage test compares."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())


class Snapshot:
    """Read-only access to one bare git snapshot."""

    def __init__(self, mirror: Path, name: str) -> None:
        self.git_dir = mirror / name / "repo"
        if not self.git_dir.is_dir():
            raise SystemExit(f"snapshot missing: {self.git_dir} (fetch it first)")

    def _git(self, *args: str) -> bytes:
        return subprocess.run(["git", f"--git-dir={self.git_dir}", *args], check=True, capture_output=True).stdout

    def commit(self) -> str:
        return self._git("rev-parse", "HEAD").decode().strip()

    def paths(self) -> list[str]:
        return self._git("ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()

    def read_bytes(self, path: str) -> bytes:
        return self._git("show", f"HEAD:{path}")

    def read(self, path: str) -> str:
        """File text as UTF-8; a file that encodes astral characters as CESU-8 surrogate pairs is repaired."""
        raw = self._git("show", f"HEAD:{path}")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            lone = raw.decode("utf-8", errors="surrogatepass")
            return lone.encode("utf-16", errors="surrogatepass").decode("utf-16")


def load_hwu64(snap: Snapshot) -> list[Utterance]:
    """HWU64 rows from the per-intent CSVs of the published 10-fold split (the full CSV is not in the snapshot).

    Each CSV row has the annotator's ``answerid``, ``scenario`` and ``intent`` and the user's original
    ``answer_from_user`` text; the same answer appears in several folds, so rows are de-duplicated by answerid.
    """
    by_id: dict[str, Utterance] = {}
    for path in sorted(snap.paths()):
        if not path.startswith(HWU64_CV) or not path.endswith(".csv"):
            continue
        if "/testset/csv/" not in path and "/trainset/" not in path:
            continue
        reader = csv.DictReader(io.StringIO(snap.read(path)), delimiter=";")
        for row in reader:
            answer_id = (row.get("answerid") or "").strip()
            text = (row.get("answer_from_user") or "").strip()
            if not answer_id or not text:
                continue
            label = f"{row['scenario'].strip()}_{row['intent'].strip()}"
            by_id.setdefault(answer_id, Utterance(answer_id, text, label))
    return list(by_id.values())


def load_snips(snap: Snapshot) -> list[Utterance]:
    """SNIPS 2017 crowd-written queries: the ``train_<Intent>_full.json`` and ``validate_<Intent>.json`` files."""
    rows: list[Utterance] = []
    for intent in SNIPS_INTENTS:
        for split, file_name in (("train", f"train_{intent}_full.json"), ("validate", f"validate_{intent}.json")):
            payload = json.loads(snap.read(f"{SNIPS_DIR}/{intent}/{file_name}"))
            for index, item in enumerate(payload[intent]):
                text = "".join(chunk["text"] for chunk in item["data"]).strip()
                if text:
                    rows.append(Utterance(f"{intent}/{split}/{index}", text, intent))
    return rows


@dataclass(frozen=True)
class Review:
    """One URR golden-set review: the authors' low-level classes (up to five) and the review date."""

    source_id: str
    text: str
    classes: tuple[str, ...]
    date: datetime


def load_urr(snap: Snapshot) -> list[Review]:
    """URR golden set (Ciurumelea et al., SANER 2017): 1,584 Google Play reviews labelled by the authors.

    The CSV is not valid UTF-8 (already mis-encoded when published); it is decoded byte-for-byte as Latin-1 so that
    no byte is lost or altered. ``class1``..``class5`` hold the manual low-level classes of the URR taxonomy.
    """
    raw = snap.read_bytes(URR_FILE)
    reader = csv.DictReader(io.StringIO(raw.decode("latin-1")))
    rows: list[Review] = []
    for row in reader:
        text = (row.get("reviewText") or "").strip()
        classes = tuple(sorted({(row.get(c) or "").strip() for c in URR_CLASS_COLUMNS} - {""}))
        if not text or not classes:
            continue
        try:
            date = datetime.strptime((row.get("date") or "").strip(), "%d/%m/%y")
        except ValueError:
            date = URR_DEFAULT_DATE
        rows.append(Review(row["_id"].strip(), text, classes, date))
    return rows


def bucket(fingerprint: str) -> int:
    """0..99 from a salted SHA-256 of a text fingerprint: the same text always falls in the same bucket."""
    return int(hashlib.sha256(f"{SEED}:split:{fingerprint}".encode()).hexdigest()[:8], 16) % 100


def split_urr(reviews: list[Review], excluded: set[str]) -> tuple[list[Review], list[Review], list[Review]]:
    """(privacy reviews, non-privacy benchmark reviews, non-privacy training reviews).

    One review per fingerprint (first in salted-hash order); fingerprints in ``excluded`` (other sources' texts) are
    dropped. Every ``PRIVACY`` review goes to the benchmark (too few, and mostly praise such as "doesn't track you",
    to map to one of the 13 intents for training). Reviews with an ambiguous class (SECURITY) are used nowhere. The
    rest are split by fingerprint bucket: ``URR_BENCHMARK_SHARE`` percent to the benchmark, the others to training.
    """
    kept: dict[str, Review] = {}
    for row in sorted(reviews, key=lambda r: rank_key(f"urr:{r.source_id}")):
        fp = norm(row.text)
        if fp and fp not in excluded:
            kept.setdefault(fp, row)
    privacy, bench, train = [], [], []
    for fp, row in sorted(kept.items(), key=lambda kv: kv[1].source_id):
        if URR_PRIVACY in row.classes:
            privacy.append(row)
        elif URR_AMBIGUOUS.intersection(row.classes):
            continue
        elif bucket(fp) < URR_BENCHMARK_SHARE:
            bench.append(row)
        else:
            train.append(row)
    return privacy, bench, train


@dataclass(frozen=True)
class Complaint:
    """One CFPB complaint narrative with the product / issue / sub-issue the consumer chose."""

    complaint_id: str
    text: str
    source_label: str
    is_privacy: bool
    intent: str | None
    date: datetime


def load_cfpb(snap: Snapshot) -> list[Complaint]:
    """Narratives of a CFPB CSV extract, mapped by the consumer-chosen issue; ambiguous issues are skipped."""
    reader = csv.DictReader(io.StringIO(snap.read(CFPB_FILE)))
    rows: list[Complaint] = []
    for row in reader:
        text = (row.get("Consumer complaint narrative") or "").strip()
        if not CFPB_MIN_CHARS <= len(text) <= CFPB_MAX_CHARS:
            continue
        product, issue, sub_issue = ((row.get(k) or "").strip() for k in ("Product", "Issue", "Sub-issue"))
        if issue in CFPB_AMBIGUOUS_ISSUES or sub_issue in CFPB_AMBIGUOUS_SUB_ISSUES:
            continue
        if sub_issue in CFPB_PRIVACY_SUB_ISSUES:
            is_privacy, intent = True, CFPB_PRIVACY_SUB_ISSUES[sub_issue]
        elif issue in CFPB_PRIVACY_ISSUES:
            is_privacy, intent = True, CFPB_PRIVACY_ISSUES[issue]
        else:
            is_privacy, intent = False, "non_privacy"
        rows.append(
            Complaint(
                row["Complaint ID"].strip(),
                text,
                f"{product} | {issue} | {sub_issue}",
                is_privacy,
                intent,
                datetime.strptime(row["Date received"].strip()[:10], "%Y-%m-%d"),
            )
        )
    return rows


def split_cfpb(rows: list[Complaint], excluded: set[str]) -> tuple[list[Complaint], list[Complaint]]:
    """(benchmark, training): one row per fingerprint; rows whose intent is null (privacy-related, no clear intent)
    all go to the benchmark; the others are split by fingerprint bucket like URR."""
    kept: dict[str, Complaint] = {}
    for row in sorted(rows, key=lambda r: rank_key(f"cfpb:{r.complaint_id}")):
        fp = norm(row.text)
        if fp and fp not in excluded:
            kept.setdefault(fp, row)
    bench, train = [], []
    for fp, row in sorted(kept.items(), key=lambda kv: kv[1].complaint_id):
        if row.intent is None or bucket(fp) < URR_BENCHMARK_SHARE:
            bench.append(row)
        else:
            train.append(row)
    return bench, train


def cfpb_benchmark_rows(rows: list[Complaint]) -> pa.Table:
    rows = sorted(rows, key=lambda r: r.complaint_id)
    return pa.table(
        {
            "benchmark_id": [f"cfpb:{r.complaint_id}" for r in rows],
            "text": [r.text for r in rows],
            "is_privacy": [r.is_privacy for r in rows],
            "intent": [r.intent for r in rows],
            "source": ["cfpb"] * len(rows),
            "source_label": [r.source_label for r in rows],
            "source_url": [CFPB_URL] * len(rows),
            "licence": ["CC0 1.0 (CFPB API metadata)"] * len(rows),
            "register": ["consumer_complaint"] * len(rows),
            "language": ["en"] * len(rows),
        },
        schema=BENCHMARK_SCHEMA,
    )


def build_cfpb_training(rows: list[Complaint]) -> tuple[pa.Table, pa.Table]:
    rows = sorted(rows, key=lambda r: rank_key(f"cfpb:{r.complaint_id}"))
    ids = [f"pub-cfpb-{n:06d}" for n in range(1, len(rows) + 1)]
    messages = pa.table(
        {
            "message_id": ids,
            "text": [r.text for r in rows],
            "channel": ["web_form"] * len(rows),
            "locale": ["en-US"] * len(rows),
            "created_at": [r.date for r in rows],
            "user_id": [None] * len(rows),
        },
        schema=MESSAGES_SCHEMA,
    )
    annotations = pa.table(
        {
            "message_id": ids,
            "annotator_id": ["pub-cfpb"] * len(rows),
            "intent": [r.intent for r in rows],
            "confidence": [CFPB_CONFIDENCE] * len(rows),
            "annotated_at": [r.date for r in rows],
        },
        schema=ANNOTATIONS_SCHEMA,
    )
    return messages, annotations


def dedupe_by_text(rows: list[Utterance]) -> list[Utterance]:
    """Keep one row per normalised text (the first in rank order), so near-duplicates cannot count twice."""
    kept: dict[str, Utterance] = {}
    for row in sorted(rows, key=lambda r: rank_key(r.source_id)):
        kept.setdefault(norm(row.text), row)
    return list(kept.values())


def stratified_sample(rows: list[Utterance], per_label: int) -> list[Utterance]:
    """Up to ``per_label`` rows of each source label, taken in salted-hash order."""
    groups: dict[str, list[Utterance]] = defaultdict(list)
    for row in rows:
        groups[row.label].append(row)
    picked: list[Utterance] = []
    for label in sorted(groups):
        picked.extend(sorted(groups[label], key=lambda r: rank_key(r.source_id))[:per_label])
    return picked


def write_parquet(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd")


def build_benchmark(hwu64: list[Utterance], urr_privacy: list[Review], urr_negative: list[Review]) -> pa.Table:
    """HWU64 everyday assistant requests (all non-privacy) plus URR app reviews (privacy-labelled ones and a
    fingerprint-split share of the non-privacy ones)."""
    sample = sorted(stratified_sample(dedupe_by_text(hwu64), HWU64_PER_LABEL), key=lambda r: (r.label, r.source_id))
    columns: dict[str, list] = {name: [] for name in BENCHMARK_SCHEMA.names}
    for row in sample:
        columns["benchmark_id"].append(f"hwu64:{row.source_id}")
        columns["text"].append(row.text)
        columns["is_privacy"].append(False)
        columns["intent"].append("non_privacy")
        columns["source"].append("hwu64")
        columns["source_label"].append(row.label)
        columns["source_url"].append(HWU64_URL)
        columns["licence"].append("CC BY 4.0")
        columns["register"].append("assistant_request")
        columns["language"].append("en")
    for row in sorted(urr_privacy + urr_negative, key=lambda r: r.source_id):
        is_privacy = URR_PRIVACY in row.classes
        columns["benchmark_id"].append(f"urr:{row.source_id}")
        columns["text"].append(row.text)
        columns["is_privacy"].append(is_privacy)
        # A PRIVACY review is mostly praise or a complaint about permissions/tracking: privacy-related, but it maps
        # to none of the 13 intents unambiguously, so its intent stays null.
        columns["intent"].append(None if is_privacy else "non_privacy")
        columns["source"].append("urr")
        columns["source_label"].append(" | ".join(row.classes))
        columns["source_url"].append(URR_URL)
        columns["licence"].append("MIT")
        columns["register"].append("app_review")
        columns["language"].append("en")
    return pa.table(columns, schema=BENCHMARK_SCHEMA)


def build_urr_training(rows: list[Review]) -> tuple[pa.Table, pa.Table]:
    """Non-privacy URR reviews as ``app_review`` messages labelled ``non_privacy`` (training share of the split)."""
    rows = sorted(rows, key=lambda r: rank_key(f"urr:{r.source_id}"))
    ids = [f"pub-urr-{n:06d}" for n in range(1, len(rows) + 1)]
    messages = pa.table(
        {
            "message_id": ids,
            "text": [row.text for row in rows],
            "channel": ["app_review"] * len(rows),
            "locale": ["en-US"] * len(rows),
            "created_at": [row.date for row in rows],
            "user_id": [None] * len(rows),
        },
        schema=MESSAGES_SCHEMA,
    )
    annotations = pa.table(
        {
            "message_id": ids,
            "annotator_id": ["pub-urr"] * len(rows),
            "intent": ["non_privacy"] * len(rows),
            "confidence": [URR_CONFIDENCE] * len(rows),
            "annotated_at": [row.date for row in rows],
        },
        schema=ANNOTATIONS_SCHEMA,
    )
    return messages, annotations


def build_snips(snips: list[Utterance], excluded_texts: set[str]) -> tuple[pa.Table, pa.Table]:
    """SNIPS queries as chat messages, all ``non_privacy``; texts also present in the benchmark's source are dropped."""
    candidates = [row for row in dedupe_by_text(snips) if norm(row.text) not in excluded_texts]
    sample = sorted(stratified_sample(candidates, SNIPS_PER_LABEL), key=lambda r: rank_key(r.source_id))
    ids = [f"pub-snips-{n:06d}" for n in range(1, len(sample) + 1)]
    messages = pa.table(
        {
            "message_id": ids,
            "text": [row.text for row in sample],
            "channel": ["chat"] * len(sample),
            "locale": ["en-US"] * len(sample),
            "created_at": [SNIPS_DATE] * len(sample),
            "user_id": [None] * len(sample),
        },
        schema=MESSAGES_SCHEMA,
    )
    annotations = pa.table(
        {
            "message_id": ids,
            "annotator_id": ["pub-snips"] * len(sample),
            "intent": ["non_privacy"] * len(sample),
            "confidence": [SNIPS_CONFIDENCE] * len(sample),
            "annotated_at": [SNIPS_DATE] * len(sample),
        },
        schema=ANNOTATIONS_SCHEMA,
    )
    return messages, annotations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--benchmark-dir", type=Path, default=Path("data/benchmark"))
    parser.add_argument("--staging", type=Path, default=Path("data"), help="writes <staging>/raw/...")
    parser.add_argument(
        "--with-cfpb",
        action="store_true",
        help="also build the CFPB complaint rows (off by default: the narratives' licence is not verified)",
    )
    args = parser.parse_args()

    hwu_snap = Snapshot(args.mirror, HWU64_REPO)
    snips_snap = Snapshot(args.mirror, SNIPS_REPO)
    urr_snap = Snapshot(args.mirror, URR_REPO)
    hwu64 = load_hwu64(hwu_snap)
    snips = load_snips(snips_snap)
    urr = load_urr(urr_snap)

    # URR texts that also occur in HWU64 or SNIPS are dropped, so the fingerprint split stays clean.
    other_texts = {norm(row.text) for row in hwu64} | {norm(row.text) for row in snips}
    urr_privacy, urr_bench, urr_train = split_urr(urr, other_texts)

    benchmark = build_benchmark(hwu64, urr_privacy, urr_bench)
    cfpb_train: list[Complaint] = []
    if args.with_cfpb:
        cfpb_snap = Snapshot(args.mirror, CFPB_REPO)
        cfpb = load_cfpb(cfpb_snap)
        taken = other_texts | {norm(row.text) for row in urr}
        cfpb_bench, cfpb_train = split_cfpb(cfpb, taken)
        benchmark = pa.concat_tables([benchmark, cfpb_benchmark_rows(cfpb_bench)])
        print(
            f"cfpb snapshot {cfpb_snap.commit()}: {len(cfpb)} usable narratives, benchmark {len(cfpb_bench)}, "
            f"training {len(cfpb_train)}"
        )
    write_parquet(benchmark, args.benchmark_dir / "benchmark.parquet")

    # Every HWU64 text, sampled or not, is kept out of training, so that no benchmark text leaks in by way of
    # another corpus that happens to contain the same short command.
    messages, annotations = build_snips(snips, {norm(row.text) for row in hwu64})
    write_parquet(messages, args.staging / "raw" / "messages" / "public_snips.parquet")
    write_parquet(annotations, args.staging / "raw" / "annotations" / "public_snips.parquet")

    urr_messages, urr_annotations = build_urr_training(urr_train)
    write_parquet(urr_messages, args.staging / "raw" / "messages" / "public_urr.parquet")
    write_parquet(urr_annotations, args.staging / "raw" / "annotations" / "public_urr.parquet")
    if args.with_cfpb:
        cfpb_messages, cfpb_annotations = build_cfpb_training(cfpb_train)
        write_parquet(cfpb_messages, args.staging / "raw" / "messages" / "public_cfpb.parquet")
        write_parquet(cfpb_annotations, args.staging / "raw" / "annotations" / "public_cfpb.parquet")

    print(f"hwu64 snapshot {hwu_snap.commit()}: {len(hwu64)} utterances, benchmark rows {benchmark.num_rows}")
    print(f"snips snapshot {snips_snap.commit()}: {len(snips)} utterances, training rows {messages.num_rows}")
    print(
        f"urr snapshot {urr_snap.commit()}: {len(urr)} reviews, benchmark privacy {len(urr_privacy)}, "
        f"benchmark non-privacy {len(urr_bench)}, training rows {urr_messages.num_rows}"
    )


if __name__ == "__main__":
    main()
