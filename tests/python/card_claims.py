"""The dataset card's claims, checked against the vars and the data of the build that wrote it.

`card_problems(build, given_vars)` returns one line per claim the card gets wrong (empty when every
checked claim holds): the front matter (valid YAML; languages, size category and licence from the
export), the rows per split, the balancing sentence, the duplicates sentence, the sources with their
licences and annotators, and the vars of the Reproduce block. The expected values are computed here
from the export, the manifest and the build's tables, not read back from the card's own model.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
)
# the licences data/raw/README.md states for the committed corpora, and the project's own MIT licence
# (LICENSE) for its generator and samples, as Hugging Face licence ids
KNOWN_LICENCE_IDS = {"snips": "cc0-1.0", "urr": "mit", "sample": "mit", "generator": "mit", "user_files": "unknown"}
OWN_SOURCES = ("sample", "generator")
FILE_PREFIXES = (("public_snips", "snips"), ("public_urr", "urr"), ("sample_", "sample"))
INTERPOLATING = ("smote", "smotenc", "adasyn", "borderline_smote", "smote_tomek")


def project_vars(given: dict) -> dict:
    """The vars of a build: dbt_project.yml's defaults with the given ones on top."""
    resolved = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]
    return {**resolved, **given}


def size_category(rows: int) -> str:
    """The Hugging Face `size_categories` value of a dataset of `rows` rows."""
    for limit, name in SIZE_CATEGORIES:
        if rows < limit:
            return name
    return "100M<n<1B"


def source_of(message_source: str, source_file: str | None) -> str:
    """The source (seed `data_sources`) of a kept message, from where it was read."""
    if message_source == "synthetic":
        return "generator"
    name = re.split(r"[/\\]", source_file or "")[-1]
    return next((source for prefix, source in FILE_PREFIXES if name.startswith(prefix)), "user_files")


def front_matter(card: str) -> dict:
    """The YAML block between the card's first two `---` lines."""
    if not card.startswith("---\n"):
        raise ValueError("the card does not open with a front matter block")
    end = card.index("\n---\n", 4)
    return yaml.safe_load(card[4:end])


def table_rows(card: str, header: str) -> list[list[str]]:
    """The body rows of the Markdown table whose header line is `header`."""
    lines = card.splitlines()
    start = lines.index(header) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def line_starting(card: str, prefix: str) -> str:
    """The one line of the card that starts with `prefix`; '' when there is none or more than one."""
    lines = [line for line in card.splitlines() if line.startswith(prefix)]
    return lines[0] if len(lines) == 1 else ""


def balancing_problems(line: str, method: str, ratio: float, real: dict, exported: dict, manifest: dict) -> list[str]:
    """The balancing sentence against the real and exported train counts per label."""
    problems = []
    added = sum(max(exported.get(intent, 0) - count, 0) for intent, count in real.items())
    lowered = {intent for intent, count in real.items() if exported.get(intent, 0) < count}
    removed = len(manifest["sampling"]["removed_example_ids"])
    if f"`{method}`" not in line and f"`balance_method: {method}`" not in line:
        problems.append(f"the balancing sentence does not name {method}: {line}")
    if method == "none":
        if exported != real or "0 rows added, 0 removed" not in line or "raises" in line or "lowers" in line:
            problems.append(f"balance_method none: {line}")
    elif method == "random_undersample":
        smallest = min(real.values())
        cap = math.floor(smallest / ratio)
        claimed = f"lowers each label to at most floor({smallest} / {ratio}) rows"
        if claimed not in line or "raises" in line:
            problems.append(f"random_undersample lowers labels to floor({smallest} / {ratio}): {line}")
        if f"{len(lowered)} labels lowered, {removed} real rows removed" not in line or "no row added" not in line:
            problems.append(f"random_undersample removed {removed} rows of {len(lowered)} labels: {line}")
        if sum(real.values()) - sum(exported.values()) != removed:
            problems.append("the manifest's removed ids do not match the export")
        if ("Every label reached its target." in line) != all(count <= cap for count in exported.values()):
            problems.append(f"the target claim is wrong (cap {cap}): {line}")
    else:
        largest = max(real.values())
        goal = math.ceil(ratio * largest)
        raised = {intent for intent, count in real.items() if exported.get(intent, 0) > count}
        if f"raises each label below its target, ceil({ratio} x {largest}) rows" not in line or "lowers" in line:
            problems.append(f"{method} raises labels to ceil({ratio} x {largest}): {line}")
        synthetic = manifest["synthetic_counts_by_split"]["train"]
        claimed = re.search(r": (\d+) labels raised, (\d+) rows added", line)
        if claimed is None or int(claimed.group(1)) != len(raised):
            problems.append(f"{len(raised)} labels were raised: {line}")
        if method == "smote_tomek":
            tomek = re.search(r"Tomek links then removed (\d+) real and (\d+) synthetic rows", line)
            if claimed is None or tomek is None or int(tomek.group(1)) != removed:
                problems.append(f"smote_tomek removed {removed} real rows: {line}")
            elif int(claimed.group(2)) - int(tomek.group(2)) != synthetic:
                problems.append(f"smote_tomek exported {synthetic} synthetic rows: {line}")
        elif claimed is None or int(claimed.group(2)) != synthetic or synthetic != added:
            problems.append(f"{method} added {synthetic} rows: {line}")
        if method in INTERPOLATING and "(`text` null)" not in line:
            problems.append(f"{method} makes vectors without text: {line}")
        reached = all(count >= goal for count in exported.values())
        if method != "smote_tomek" and ("Every label reached its target." in line) != reached:
            problems.append(f"the target claim is wrong (goal {goal}): {line}")
    return problems


def card_problems(build, given_vars: dict, card: str | None = None) -> list[str]:
    """Every checked claim of the build's card (or of `card`, a text in its place) that the data contradicts."""
    card = card if card is not None else (build.output_dir / "DATASET_CARD.md").read_text(encoding="utf-8")
    vars_ = project_vars(given_vars)
    manifest = json.loads(build.manifest.read_text())
    problems = []

    # front matter: valid YAML whose languages, size and licence follow the export
    meta = front_matter(card)
    [(rows,)] = build.export_rows("select count(*) from export")
    languages = [
        language
        for (language,) in build.export_rows(
            "select distinct language from export where language is not null order by 1"
        )
    ]
    if meta.get("language") != languages:
        problems.append(f"front matter languages {meta.get('language')} != export languages {languages}")
    if meta.get("size_categories") != [size_category(rows)]:
        problems.append(f"front matter size {meta.get('size_categories')} for {rows} rows")
    if meta.get("task_categories") != ["text-classification"] or not meta.get("pretty_name"):
        problems.append("front matter lacks task_categories text-classification or pretty_name")

    # sources: which are present, their licences, their annotators
    resolved = build.query(
        "select e.message_id, r.message_source, r.source_file from int_messages_resolved as r "
        "join curated_messages as e using (message_id) where r.resolution = 'kept'"
    )
    exported_ids = {message_id for (message_id,) in build.export_rows("select message_id from export")}
    source_by_id = {mid: source_of(kind, file) for mid, kind, file in resolved if mid in exported_ids}
    counts: dict[str, int] = {}
    for source in source_by_id.values():
        counts[source] = counts.get(source, 0) + 1
    seed_rows = build.query("select source_key, source_name, source_url, licence from main_reference.data_sources")
    seed = {row[0]: row[1:] for row in seed_rows}
    annotations = build.query(
        "select kept_message_id, annotator_id from int_annotations_resolved where resolution = 'used'"
    )
    annotators: dict[str, set[str]] = {}
    for message_id, annotator in annotations:
        if message_id in source_by_id:
            annotators.setdefault(source_by_id[message_id], set()).add(annotator)
    listed = {}
    for name, licence, examples, annotator_cell, _ in table_rows(
        card, "| source | licence | real examples | annotators of its labels | how labelled |"
    ):
        listed[name] = (licence, int(examples), annotator_cell)
    expected = {}
    for source, count in counts.items():
        source_name, url, licence = seed[source]
        ids = sorted(annotators.get(source, set()))
        shown = ", ".join(ids) if len(ids) <= 10 else f"{ids[0]}, {ids[1]}, ..., {ids[-1]}"
        expected[source_name + (f" ({url})" if url else "")] = (licence, count, f"{len(ids)}: {shown}")
    if listed != expected:
        problems.append(f"sources listed {listed} != sources present {expected}")
    licence_ids = {KNOWN_LICENCE_IDS[source] for source in counts}
    licence = licence_ids.pop() if len(licence_ids) == 1 else "unknown" if "unknown" in licence_ids else "other"
    if meta.get("license") != licence:
        problems.append(f"front matter license {meta.get('license')} for sources {sorted(counts)}")
    own_rows = any(source in OWN_SOURCES for source in counts)
    if licence == "other" and own_rows != str(meta.get("license_details", "")).startswith("MIT (LICENSE) for the rows"):
        problems.append(f"front matter license_details {meta.get('license_details')!r} for sources {sorted(counts)}")

    # rows per split
    by_split = dict(build.export_rows("select split, count(*) from export group by split"))
    claimed = {row[0]: int(row[1]) for row in table_rows(card, "| split | examples | real | synthetic |")}
    if claimed != by_split:
        problems.append(f"rows per split {claimed} != export {by_split}")

    # the balancing sentence
    real = dict(
        build.query(
            "select intent, count(*) from curated_messages join ml_split_assignments using (message_id) "
            "where split = 'train' group by intent"
        )
    )
    exported = dict(build.export_rows("select intent, count(*) from export where split = 'train' group by intent"))
    method = vars_["balance_method"] or "none"
    balancing = line_starting(card, "Balancing")
    problems += balancing_problems(balancing, method, float(vars_["balance_target_ratio"]), real, exported, manifest)

    # the duplicates sentence
    duplicates = dict(build.query("select duplicate_kind, count(*) from removed_duplicates group by all"))
    exact, near = duplicates.get("exact", 0), duplicates.get("near", 0)
    if exact + near != manifest["row_accounting"]["messages"]["duplicates"]:
        problems.append("removed_duplicates disagrees with the manifest's row accounting")
    sentence = line_starting(card, "- Duplicates are removed")
    wanted = (
        f"{exact} exact and {near} near duplicates in this build (near: Jaccard similarity >= "
        f"{vars_['near_duplicate_threshold']} of character {vars_['near_duplicate_shingle_size']}-shingles, "
        f"texts of at least {vars_['near_duplicate_min_shingles']} shingles)"
    )
    if wanted not in sentence:
        problems.append(f"the duplicates sentence should say {wanted!r}: {sentence}")
    if "Near-duplicates that differ after normalisation are kept" in card:
        problems.append("the card says near duplicates are kept")

    # the vars of the Reproduce block
    block = card.split("```yaml\n", 1)[1].split("```", 1)[0]
    if yaml.safe_load(block) != vars_:
        problems.append("the Reproduce block's vars are not the build's")
    return problems
