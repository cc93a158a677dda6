"""Every written-out copy of a list the project knows is held to its one source: reason codes to
seeds/reason_codes.csv, languages to seeds/language_profiles.csv, var names to the `vars:` of
dbt_project.yml. YAML test arguments cannot call macros, and some models spell a list out in Jinja:
these checks keep each such copy in step with its source. No dbt build: they read the files."""

from __future__ import annotations

import csv
import re
import subprocess

import yaml
from conftest import PROJECT_DIR

# list tests whose values a YAML file writes out, and the argument that holds them
IN_SET = "dbt_expectations.expect_column_values_to_be_in_set"
LIST_TESTS = {"accepted_values": "values", IN_SET: "value_set"}
# a run of at least four language codes that starts with `en`, as prose, a YAML list or a Python tuple
LANGUAGE_RUN = re.compile(r"\ben\b['\"]?(?:(?:,\s*|\s+and\s+|,\s+and\s+)['\"]?[a-z]{2,3}\b['\"]?){3,}")
# the detector's code for an undetermined language, allowed beside the known ones
UNDETERMINED = "und"


def seed_rows(name: str) -> list[dict]:
    with (PROJECT_DIR / "seeds" / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def shown(path) -> str:
    return str(path.relative_to(PROJECT_DIR)) if path.is_relative_to(PROJECT_DIR) else str(path)


def known_languages() -> set[str]:
    return {row["language"] for row in seed_rows("language_profiles")}


def reason_codes(assigned_by: str | None = None) -> set[str]:
    return {row["reason_code"] for row in seed_rows("reason_codes") if assigned_by in (None, row["assigned_by"])}


def project_var_names() -> set[str]:
    return set(yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())["vars"])


def tracked_text_files() -> list:
    """The project's own text files under version control (the seeds' data and raw files left out)."""
    listed = subprocess.run(["git", "ls-files"], cwd=PROJECT_DIR, capture_output=True, text=True, check=True)
    paths = [PROJECT_DIR / line for line in listed.stdout.splitlines()]
    return [
        path
        for path in paths
        if path.suffix in {".sql", ".yml", ".md", ".py", ".txt"} and path.is_file() and "dbt_packages" not in path.parts
    ]


def listed_values(properties_file) -> list[tuple[str, str, list]]:
    """(node, column, values) of every list test a properties YAML file writes out, on columns and on nodes."""
    document = yaml.safe_load(properties_file.read_text(encoding="utf-8")) or {}
    found = []
    for kind in ("models", "seeds", "snapshots"):
        for node in document.get(kind) or []:
            tests = [(None, test) for test in node.get("data_tests") or []]
            for column in node.get("columns") or []:
                tests += [(column["name"], test) for test in column.get("data_tests") or []]
            for column, test in tests:
                if not isinstance(test, dict):
                    continue
                for name, argument in LIST_TESTS.items():
                    arguments = (test.get(name) or {}).get("arguments") or {}
                    values = arguments.get(argument)
                    if isinstance(values, list):
                        found.append((node["name"], column or arguments.get("column_name"), values))
    return found


def properties_files() -> list:
    return sorted(
        path
        for folder in ("models", "seeds", "python_models")
        for path in (PROJECT_DIR / folder).rglob("*.yml")
        if "dbt_packages" not in path.parts
    )


def language_copy_problems(files) -> list[str]:
    known = known_languages()
    problems = []
    for path in files:
        for match in LANGUAGE_RUN.finditer(path.read_text(encoding="utf-8")):
            found = [code for code in re.findall(r"[a-z]{2,3}", match.group(0)) if code != "and"]
            if len(found) != len(set(found)):
                continue  # rows of data (a language per row), not a list of the languages
            codes = set(found) - {UNDETERMINED}
            if codes != known:
                problems.append(f"{shown(path)}: {match.group(0)!r} != {sorted(known)}")
    return problems


def reason_code_copy_problems(files) -> list[str]:
    problems = []
    for path in files:
        for node, column, values in listed_values(path):
            if column == "reason_code":
                expected = reason_codes()
            elif column == "rejection_reason":
                expected = reason_codes(node)
            else:
                continue
            if set(values) != expected or len(values) != len(set(values)):
                problems.append(f"{shown(path)} {node}.{column}: {values} != {sorted(expected)}")
    return problems


def test_the_seeds_are_the_sources():
    assert len(known_languages()) >= 2 and UNDETERMINED not in known_languages()
    rows = seed_rows("reason_codes")
    assert len({(row["reason_code"], row["record_kind"]) for row in rows}) == len(rows)
    for model in {row["assigned_by"] for row in rows}:
        assert (PROJECT_DIR / "models" / "intermediate" / f"{model}.sql").exists(), model


def test_every_language_list_is_the_seeds():
    """Every list of language codes written out anywhere (YAML tests, Jinja sets in models, the var's
    default, docs, tests) names exactly the languages of seeds/language_profiles.csv."""
    files = tracked_text_files()
    assert language_copy_problems(files) == []
    copies = sum(len(LANGUAGE_RUN.findall(path.read_text(encoding="utf-8"))) for path in files)
    assert copies >= 5, "the language lists were not found: has the pattern gone stale?"
    assert set(yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())["vars"]["export_languages"]) == (
        known_languages()
    )


def test_every_reason_code_list_is_the_seeds():
    """Every YAML list of reason codes equals the seed's codes (all of them on `reason_code`, the codes
    the node assigns on `rejection_reason`), and every model the seed names assigns its codes."""
    files = properties_files()
    assert reason_code_copy_problems(files) == []
    checked = [entry for path in files for entry in listed_values(path) if entry[1] == "rejection_reason"]
    assert len(checked) >= 2, "the rejection_reason lists were not found"
    for model in {row["assigned_by"] for row in seed_rows("reason_codes")}:
        sql = (PROJECT_DIR / "models" / "intermediate" / f"{model}.sql").read_text(encoding="utf-8")
        literals = set(re.findall(r"'([a-z_]+)'", sql))
        assert reason_codes(model) <= literals, f"{model} does not assign {sorted(reason_codes(model) - literals)}"


def test_every_written_var_name_is_a_project_var():
    """docs/vars.md lists every var of dbt_project.yml and no other; the var names README, the var
    checks and the dataset card write out are project vars."""
    names = project_var_names()
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", (PROJECT_DIR / "docs" / "vars.md").read_text(), re.M))
    assert documented == names
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The vars people change most", 1)[1].split("\n## ", 1)[0]
    assert set(re.findall(r"^- `([a-z_]+)`", section, re.M)) <= names
    from privacy_curation import var_checks

    assert set(var_checks.WHOLE_NUMBERS) | set(var_checks.SHARES) | set(var_checks.POSITIVE) <= names
    card = (PROJECT_DIR / "models" / "export" / "curated_training_data_card.sql").read_text(encoding="utf-8")
    generator_vars = re.search(r"set generator_vars = \[(.*?)\]", card, re.S).group(1)
    assert set(re.findall(r"'([a-z_]+)'", generator_vars)) <= names


def test_the_language_check_catches_a_wrong_copy(tmp_path):
    """A list missing a language, or naming one the seed lacks, is reported; the seed's own list is not."""
    others = sorted(known_languages() - {"en"})
    copies = {
        "right.md": "the languages: " + ", ".join(["en", *others]) + "\n",
        "short.yml": "values: [" + ", ".join(["en", *others[:-1]]) + "]\n",
        "extra.md": "kept: " + ", ".join(["en", *others]) + " and xx\n",
    }
    for name, text in copies.items():
        (tmp_path / name).write_text(text)
    problems = language_copy_problems([tmp_path / name for name in copies])
    assert [problem.split(":", 1)[0].rsplit("/", 1)[-1] for problem in problems] == ["short.yml", "extra.md"]


def test_the_reason_code_check_catches_a_wrong_copy(tmp_path):
    document = {
        "models": [
            {
                "name": "quarantined_records",
                "columns": [
                    {
                        "name": "reason_code",
                        "data_tests": [{"accepted_values": {"arguments": {"values": sorted(reason_codes())[1:]}}}],
                    }
                ],
            },
            {
                "name": "int_annotations_validated",
                "data_tests": [
                    {IN_SET: {"arguments": {"column_name": "rejection_reason", "value_set": ["missing_annotator"]}}}
                ],
            },
        ]
    }
    path = tmp_path / "_copy__models.yml"
    path.write_text(yaml.safe_dump(document))
    problems = reason_code_copy_problems([path])
    assert len(problems) == 2, problems
