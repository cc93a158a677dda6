"""Run the integration project of the local dbt_expectations package and check every outcome.

The project at packages/dbt_expectations/integration_tests tags each data test `expect_pass` or
`expect_fail` (and names it `pass__...` / `fail__...`). This module builds that project for real
with dbt's programmatic runner, on a DuckDB file that lives in a per-session temporary folder, and
asserts that every test ends with the status its tag promises, that no declared test went missing,
and that every implemented test and every optional argument is exercised by both kinds of case.
It also checks that the compile-time argument checks reject bad arguments, and runs a mutation proof:
on a copy of the package whose every generic test is rewritten to return no rows, every expect_fail
case must pass, so that no test is so weakly covered that breaking it would go unnoticed.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from dbt.cli.main import dbtRunner

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = REPO_ROOT / "packages" / "dbt_expectations"
PROJECT_DIR = PACKAGE_DIR / "integration_tests"
SCHEMA_TESTS_DIR = PACKAGE_DIR / "macros" / "schema_tests"

KINDS = ("expect_pass", "expect_fail")
EXPECTED_STATUS = {"expect_pass": "pass", "expect_fail": "fail"}
NAME_PREFIX = {"expect_pass": "pass__", "expect_fail": "fail__"}

# Every test the package implements, with the optional arguments of its upstream (0.10.x) signature.
# Each (test, optional argument) pair must appear in at least one expect_pass and one expect_fail case.
OPTIONAL_ARGUMENTS: dict[str, tuple[str, ...]] = {
    # table shape
    "expect_column_to_exist": ("column_index", "transform"),
    "expect_row_values_to_have_recent_data": ("row_condition",),
    "expect_table_columns_to_match_set": ("transform",),
    "expect_table_columns_to_contain_set": ("transform",),
    "expect_table_columns_to_not_contain_set": ("transform",),
    "expect_table_column_count_to_equal": (),
    "expect_table_row_count_to_be_between": (
        "min_value",
        "max_value",
        "group_by",
        "row_condition",
        "strictly",
    ),
    "expect_table_row_count_to_equal_other_table": (
        "group_by",
        "compare_group_by",
        "factor",
        "row_condition",
        "compare_row_condition",
    ),
    "expect_table_aggregation_to_equal_other_table": (
        "compare_expression",
        "group_by",
        "compare_group_by",
        "row_condition",
        "compare_row_condition",
        "tolerance",
        "tolerance_percent",
    ),
    # missing values, unique values and types
    "expect_column_values_to_not_be_null": ("row_condition",),
    "expect_column_values_to_be_null": ("row_condition",),
    "expect_column_values_to_be_unique": ("row_condition",),
    "expect_column_values_to_be_of_type": (),
    "expect_column_values_to_be_in_type_list": (),
    "expect_compound_columns_to_be_unique": ("quote_columns", "ignore_row_if", "row_condition"),
    # sets and ranges
    "expect_column_values_to_be_in_set": ("quote_values", "row_condition"),
    "expect_column_values_to_not_be_in_set": ("quote_values", "row_condition"),
    "expect_column_values_to_be_between": ("min_value", "max_value", "row_condition", "strictly"),
    "expect_column_values_to_be_increasing": ("sort_column", "strictly", "row_condition", "group_by", "step"),
    "expect_column_values_to_be_decreasing": ("sort_column", "strictly", "row_condition", "group_by", "step"),
    # strings
    "expect_column_value_lengths_to_be_between": ("min_value", "max_value", "row_condition", "strictly"),
    "expect_column_values_to_match_regex": ("row_condition", "is_raw", "flags"),
    "expect_column_values_to_match_regex_list": ("match_on", "row_condition", "is_raw", "flags"),
    "expect_column_values_to_not_match_regex": ("row_condition", "is_raw", "flags"),
    "expect_column_values_to_not_match_regex_list": ("match_on", "row_condition", "is_raw", "flags"),
    "expect_column_values_to_match_like_pattern": ("row_condition",),
    "expect_column_values_to_not_match_like_pattern": ("row_condition",),
    "expect_column_values_to_match_like_pattern_list": ("match_on", "row_condition"),
    "expect_column_values_to_not_match_like_pattern_list": ("match_on", "row_condition"),
    # aggregates
    "expect_column_distinct_count_to_equal": ("quote_values", "group_by", "row_condition"),
    "expect_column_distinct_values_to_equal_set": ("quote_values", "row_condition"),
    "expect_column_distinct_values_to_contain_set": ("quote_values", "row_condition"),
    "expect_column_mean_to_be_between": ("min_value", "max_value", "group_by", "row_condition", "strictly"),
    "expect_column_min_to_be_between": ("min_value", "max_value", "group_by", "row_condition", "strictly"),
    "expect_column_max_to_be_between": ("min_value", "max_value", "group_by", "row_condition", "strictly"),
    "expect_column_proportion_of_unique_values_to_be_between": (
        "min_value",
        "max_value",
        "group_by",
        "row_condition",
        "strictly",
    ),
    "expect_column_quantile_values_to_be_between": (
        "min_value",
        "max_value",
        "group_by",
        "row_condition",
        "strictly",
    ),
    "expect_column_most_common_value_to_be_in_set": ("quote_values", "data_type", "row_condition"),
    "expect_column_stdev_to_be_between": ("min_value", "max_value", "group_by", "row_condition", "strictly"),
    "expect_column_sum_to_be_between": ("min_value", "max_value", "group_by", "row_condition", "strictly"),
    "expect_column_unique_value_count_to_be_between": (
        "min_value",
        "max_value",
        "group_by",
        "row_condition",
        "strictly",
    ),
    # multi-column and distributional
    "expect_column_pair_values_A_to_be_greater_than_B": ("or_equal", "row_condition"),
    "expect_multicolumn_sum_to_equal": ("group_by", "row_condition"),
    "expect_column_values_to_be_within_n_stdevs": ("group_by", "sigma_threshold"),
    # generalised
    "expression_is_true": ("test_condition", "group_by_columns", "row_condition"),
    "expression_between": ("min_value", "max_value", "group_by_columns", "row_condition", "strictly"),
}

# Where the bounds are optional, a "min only" / "max only" case is what exercises the optional bound.
BOUND_ARGUMENTS = ("min_value", "max_value")


# --------------------------------------------------------------------------------------------
# YAML declarations
# --------------------------------------------------------------------------------------------


def _entry_parts(entry: Any) -> tuple[str, dict[str, Any]]:
    """Return (test name as written, properties) of one `data_tests:` list entry."""
    if isinstance(entry, str):
        return entry, {}
    if "test_name" in entry:
        return entry["test_name"], entry
    ((test_name, properties),) = entry.items()
    return test_name, properties or {}


def declared_tests() -> list[dict[str, Any]]:
    """Every data test declared in the integration project's property files."""
    declared: list[dict[str, Any]] = []
    for folder in ("models", "seeds"):
        for path in sorted((PROJECT_DIR / folder).rglob("*.yml")):
            document = yaml.safe_load(path.read_text()) or {}
            for section in ("models", "seeds", "sources", "snapshots"):
                for resource in document.get(section) or []:
                    entries = list(resource.get("data_tests") or resource.get("tests") or [])
                    for column in resource.get("columns") or []:
                        entries += column.get("data_tests") or column.get("tests") or []
                    for entry in entries:
                        test_name, properties = _entry_parts(entry)
                        config = properties.get("config") or {}
                        declared.append(
                            {
                                "file": str(path.relative_to(PROJECT_DIR)),
                                "test_name": test_name,
                                "name": properties.get("name"),
                                "tags": list(config.get("tags") or properties.get("tags") or []),
                            }
                        )
    return declared


def kind_of(tags: list[str]) -> str | None:
    kinds = [tag for tag in tags if tag in KINDS]
    return kinds[0] if len(kinds) == 1 else None


# --------------------------------------------------------------------------------------------
# Running dbt
# --------------------------------------------------------------------------------------------


def invoke(command: str, project_dir: Path, work_dir: Path, events: list | None = None):
    """Run one dbt command in-process on project_dir, artefacts under work_dir; return the result.

    When `events` is a list, every event dbt emits is appended to it.
    """
    args = [command, "--project-dir", str(project_dir), "--profiles-dir", str(PROJECT_DIR)]
    args += ["--log-path", str(work_dir / "logs")]
    if command != "deps":
        args += ["--target-path", str(work_dir / "target")]
    callbacks = [events.append] if events is not None else []
    return dbtRunner(callbacks=callbacks).invoke(args)


class IntegrationRun(NamedTuple):
    """The outcome of building the integration project."""

    results: dict[str, Any]  # test results by test name
    warnings: list[str]  # warnings and errors dbt logged while parsing, seeding and running


@pytest.fixture(scope="session")
def dbt_environment(tmp_path_factory: pytest.TempPathFactory):
    """Point the integration profile at a fresh DuckDB file for this session."""
    workdir = tmp_path_factory.mktemp("dbt_expectations_it")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DBT_EXPECTATIONS_IT_DB", str(workdir / "integration_tests.duckdb"))
        patch.setenv("DBT_EXPECTATIONS_IT_THREADS", os.environ.get("DBT_EXPECTATIONS_IT_THREADS", "4"))
        patch.setenv("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
        yield workdir


@pytest.fixture(scope="session")
def integration_results(dbt_environment: Path) -> IntegrationRun:
    """deps, seed, run and test the integration project; return the test results by test name."""
    events: list = []
    for command in ("deps", "seed", "run"):
        result = invoke(command, PROJECT_DIR, dbt_environment, events)
        assert result.success, f"dbt {command} failed: {result.exception or result.result}"
    warnings = [f"{event.info.name}: {event.info.msg}" for event in events if event.info.level in ("warn", "error")]

    result = invoke("test", PROJECT_DIR, dbt_environment)
    return IntegrationRun(data_test_results(result, "test"), warnings)


def data_test_results(result, command: str) -> dict[str, Any]:
    """The data test results of one dbt invocation (seed and model results are left out), by test name."""
    # Failing tests make the invocation unsuccessful by design; a crash leaves no result at all.
    assert result.exception is None, f"dbt {command} crashed: {result.exception}"
    assert result.result is not None, f"dbt {command} returned no results"
    by_name: dict[str, Any] = {}
    for run_result in result.result.results:
        node = run_result.node
        if node.resource_type != "test":
            assert status_of(run_result) in ("success", "pass"), f"{node.name}: {run_result.message}"
            continue
        assert node.name not in by_name, f"two test nodes are named {node.name}"
        by_name[node.name] = run_result
    return by_name


def status_of(run_result) -> str:
    status = run_result.status
    return str(getattr(status, "value", status)).lower()


def tags_of(run_result) -> list[str]:
    node = run_result.node
    return sorted(set(node.tags or []) | set(node.config.tags or []))


def unexpected_outcomes(results: dict[str, Any]) -> dict[str, str]:
    """Every case whose status is not the one its tag promises, with what happened instead."""
    mismatches = {}
    for name, result in sorted(results.items()):
        kind = kind_of(tags_of(result))
        if kind is None:
            mismatches[name] = f"not tagged with exactly one of {KINDS} ({tags_of(result)})"
        elif status_of(result) != EXPECTED_STATUS[kind]:
            mismatches[name] = f"{kind} but status {status_of(result)} ({result.message})"
    return mismatches


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


def test_declarations_are_tagged_and_named_consistently():
    declared = declared_tests()
    assert declared, "no data tests declared in the integration project"
    problems = []
    for test in declared:
        kind = kind_of(test["tags"])
        if kind is None:
            problems.append(f"{test['file']}: {test['name']} needs exactly one of {KINDS}, has {test['tags']}")
        elif not (test["name"] or "").startswith(NAME_PREFIX[kind]):
            problems.append(f"{test['file']}: {test['name']} is tagged {kind} but not named {NAME_PREFIX[kind]}...")
        if not test["test_name"].startswith("dbt_expectations."):
            problems.append(f"{test['file']}: {test['name']} does not use a dbt_expectations test")
    names = [test["name"] for test in declared]
    duplicates = [name for name, count in Counter(names).items() if count > 1]
    assert not duplicates, f"duplicate test names: {duplicates}"
    assert not problems, "\n".join(problems)


@pytest.mark.dbt
def test_project_builds_without_warnings(integration_results):
    # also catches macros/_macros.yml drifting from a macro signature (InvalidMacroAnnotation)
    assert not integration_results.warnings, "\n".join(integration_results.warnings)


@pytest.mark.dbt
def test_no_declared_test_is_missing(integration_results):
    declared = declared_tests()
    declared_counts = Counter(kind_of(test["tags"]) for test in declared)
    ran_counts = Counter(kind_of(tags_of(result)) for result in integration_results.results.values())
    for kind in KINDS:
        assert declared_counts[kind] > 0, f"no {kind} case declared"
        assert ran_counts[kind] >= declared_counts[kind], (
            f"{kind}: {declared_counts[kind]} declared in YAML but only {ran_counts[kind]} ran"
        )
    missing = sorted(test["name"] for test in declared if test["name"] not in integration_results.results)
    assert not missing, f"declared but not run: {missing}"


@pytest.mark.dbt
def test_every_case_has_the_expected_status(integration_results):
    mismatches = [f"{name}: {problem}" for name, problem in unexpected_outcomes(integration_results.results).items()]
    assert not mismatches, f"{len(mismatches)} unexpected outcomes:\n" + "\n".join(mismatches)


@pytest.mark.dbt
def test_every_implemented_test_is_exercised_in_both_kinds(integration_results):
    seen: dict[str, set[str]] = defaultdict(set)
    for result in integration_results.results.values():
        metadata = result.node.test_metadata
        assert metadata.namespace == "dbt_expectations", f"{result.node.name} is not a dbt_expectations test"
        seen[kind_of(tags_of(result))].add(metadata.name)
    for kind in KINDS:
        missing = sorted(set(OPTIONAL_ARGUMENTS) - seen[kind])
        assert not missing, f"never exercised by an {kind} case: {missing}"


@pytest.mark.dbt
def test_every_optional_argument_is_exercised_in_both_kinds(integration_results):
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for result in integration_results.results.values():
        metadata = result.node.test_metadata
        kwargs = set(metadata.kwargs)
        kind = kind_of(tags_of(result))
        for argument in OPTIONAL_ARGUMENTS.get(metadata.name, ()):
            if argument in BOUND_ARGUMENTS:
                # an optional bound is exercised when it is given alone
                other = "max_value" if argument == "min_value" else "min_value"
                if argument in kwargs and other not in kwargs:
                    seen[kind].add((metadata.name, argument))
            elif argument in kwargs:
                seen[kind].add((metadata.name, argument))
    for kind in KINDS:
        missing = sorted(
            f"{test}.{argument}"
            for test, arguments in OPTIONAL_ARGUMENTS.items()
            for argument in arguments
            if (test, argument) not in seen[kind]
        )
        assert not missing, f"optional arguments never exercised by an {kind} case: {missing}"


# --------------------------------------------------------------------------------------------
# Argument checks that reject a test at compile time (they abort parsing, so they cannot live
# in the integration project next to the other cases).
# --------------------------------------------------------------------------------------------

INVALID_USAGES = {
    "bounds_missing": (
        "dbt_expectations.expect_column_values_to_be_between",
        {},
        "You have to provide either a min_value, max_value or both",
    ),
    "bad_ignore_row_if": (
        "dbt_expectations.expect_compound_columns_to_be_unique",
        {"column_list": ["x"], "ignore_row_if": "sometimes"},
        "`ignore_row_if` must be one of",
    ),
    "bad_datepart": (
        "dbt_expectations.expect_row_values_to_have_recent_data",
        {"datepart": "dya", "interval": 1},
        "`datepart` must be one of",
    ),
    "interval_not_a_number": (
        "dbt_expectations.expect_row_values_to_have_recent_data",
        {"datepart": "day", "interval": "1"},
        "`interval` must be a number",
    ),
    "pattern_list_is_a_string": (
        "dbt_expectations.expect_column_values_to_match_like_pattern_list",
        {"like_pattern_list": "%@%"},
        "`like_pattern_list` must be a non-empty list",
    ),
    "empty_column_list": (
        "dbt_expectations.expect_table_columns_to_contain_set",
        {"column_list": []},
        "`column_list` must be a non-empty list",
    ),
}


@pytest.mark.dbt
@pytest.mark.parametrize("case", sorted(INVALID_USAGES))
def test_invalid_arguments_are_rejected(case: str, dbt_environment: Path):
    test_name, arguments, message = INVALID_USAGES[case]
    project = dbt_environment / f"invalid_{case}"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text(
        yaml.safe_dump(
            {
                "name": f"invalid_{case}",
                "version": "1.0.0",
                "config-version": 2,
                "profile": "dbt_expectations_integration_tests",
            }
        )
    )
    (project / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(PACKAGE_DIR)}]}))
    (project / "models" / "one_row.sql").write_text("select 1 as x\n")
    test_entry = {test_name: {"arguments": arguments}}
    model: dict[str, Any] = {"name": "one_row"}
    if "column_list" not in arguments:
        model["columns"] = [{"name": "x", "data_tests": [test_entry]}]
    else:
        model["data_tests"] = [test_entry]
    (project / "models" / "schema.yml").write_text(yaml.safe_dump({"version": 2, "models": [model]}))

    assert invoke("deps", project, project).success
    result = invoke("parse", project, project)
    assert not result.success, f"{case}: dbt accepted an invalid {test_name}"
    assert message in str(result.exception), f"{case}: unexpected error {result.exception}"


# --------------------------------------------------------------------------------------------
# The registry above against the macros, and the mutation proof: break every generic test so
# that it returns no rows, and every expect_fail case must notice (end with status pass).
# --------------------------------------------------------------------------------------------

# `{% test name(arguments) %}` + body + `{% endtest %}`, whitespace-control dashes allowed.
TEST_BLOCK = re.compile(
    r"(?P<open>\{%-?\s*test\s+(?P<name>\w+)\s*\((?P<arguments>.*?)\)\s*-?%\})(?P<body>.*?)(?P<close>\{%-?\s*endtest\s*-?%\})",
    re.DOTALL,
)
TEST_OPENING = re.compile(r"\{%-?\s*test\s")


def generic_test_signatures() -> dict[str, tuple[str, ...]]:
    """Every generic test under macros/schema_tests, with the names of its defaulted (optional) arguments."""
    signatures: dict[str, tuple[str, ...]] = {}
    for path in sorted(SCHEMA_TESTS_DIR.rglob("*.sql")):
        for match in TEST_BLOCK.finditer(path.read_text()):
            arguments = [argument.strip() for argument in match["arguments"].split(",")]
            optional = tuple(argument.split("=")[0].strip() for argument in arguments if "=" in argument)
            assert match["name"] not in signatures, f"{match['name']} is defined twice"
            signatures[match["name"]] = optional
    return signatures


def break_test_macros(package_dir: Path) -> list[str]:
    """Rewrite every generic test of the package copy at package_dir to select no rows; return their names.

    The original SQL is kept as a subquery, so it is still rendered, compiled and run (argument checks,
    catalog lookups and SQL errors behave as before): only the rows it would return are dropped.
    """
    broken: list[str] = []

    def wrap(match: re.Match) -> str:
        broken.append(match["name"])
        return f"{match['open']}\nselect * from (\n{match['body']}\n) as broken where false\n{match['close']}"

    for path in sorted((package_dir / "macros" / "schema_tests").rglob("*.sql")):
        source = path.read_text()
        rewritten, count = TEST_BLOCK.subn(wrap, source)
        assert count == len(TEST_OPENING.findall(source)), f"{path}: not every test block could be rewritten"
        path.write_text(rewritten)
    return broken


# upstream dbt-expectations 0.10.x's public type helpers (macros/utils/datatypes.sql) and what they give on DuckDB
TYPE_HELPERS = {"type_timestamp": "timestamp", "type_datetime": "timestamp"}


def test_public_type_helpers_dispatch_like_upstream(integration_results, dbt_environment: Path):
    """`dbt_expectations.type_timestamp()` and `type_datetime()` exist, go through adapter.dispatch in the
    dbt_expectations namespace (so a project can override them per adapter, as upstream), and give DuckDB's
    timestamp type: the integration cases cast columns with them and check the type."""
    for helper in TYPE_HELPERS:
        source = (PACKAGE_DIR / "macros" / "utils" / f"{helper}.sql").read_text()
        assert f"adapter.dispatch('{helper}', 'dbt_expectations')" in source
        assert (PACKAGE_DIR / "macros" / "utils" / f"default__{helper}.sql").is_file()
    cases = {
        "pass__of_type__type_timestamp_helper_is_timestamp": "pass",
        "fail__of_type__type_timestamp_helper_is_not_date": "fail",
        "pass__of_type__type_datetime_helper_is_timestamp_on_duckdb": "pass",
    }
    outcomes = {name: status_of(integration_results.results[name]) for name in cases}
    assert outcomes == cases
    compiled = next((dbt_environment / "target" / "compiled").rglob("type_helpers.sql")).read_text()
    assert compiled.count(f"as {TYPE_HELPERS['type_timestamp']})") == 2, compiled


def test_every_test_macro_is_registered_with_its_optional_arguments():
    signatures = generic_test_signatures()
    assert sorted(signatures) == sorted(OPTIONAL_ARGUMENTS), (
        f"macros without an OPTIONAL_ARGUMENTS entry: {sorted(set(signatures) - set(OPTIONAL_ARGUMENTS))}; "
        f"entries without a macro: {sorted(set(OPTIONAL_ARGUMENTS) - set(signatures))}"
    )
    drifted = {
        name: (sorted(optional), sorted(OPTIONAL_ARGUMENTS[name]))
        for name, optional in signatures.items()
        if set(optional) != set(OPTIONAL_ARGUMENTS[name])
    }
    assert not drifted, f"optional arguments (macro, registry) differ: {drifted}"


@pytest.mark.dbt
def test_breaking_any_test_macro_is_detected(dbt_environment: Path, monkeypatch: pytest.MonkeyPatch):
    # a copy of the package (and of its integration project) with every generic test broken
    work_dir = dbt_environment / "mutation"
    package_copy = work_dir / "dbt_expectations"
    shutil.copytree(
        PACKAGE_DIR,
        package_copy,
        ignore=shutil.ignore_patterns(
            "target", "dbt_packages", "logs", "package-lock.yml", "*.duckdb", "*.duckdb.wal", ".user.yml"
        ),
    )
    broken = break_test_macros(package_copy)
    assert sorted(broken) == sorted(OPTIONAL_ARGUMENTS), "every implemented test must be broken"
    assert "as broken where false" not in "".join(path.read_text() for path in SCHEMA_TESTS_DIR.rglob("*.sql"))

    # link the broken copy as the project's package, as `dbt deps` would for `local: ../`: no extra invocation
    project_copy = package_copy / "integration_tests"
    (project_copy / "dbt_packages").mkdir()
    (project_copy / "dbt_packages" / "dbt_expectations").symlink_to(package_copy, target_is_directory=True)

    monkeypatch.setenv("DBT_EXPECTATIONS_IT_DB", str(work_dir / "mutation.duckdb"))
    results = data_test_results(invoke("build", project_copy, work_dir), "build")

    declared = {test["name"]: kind_of(test["tags"]) for test in declared_tests()}
    assert sorted(results) == sorted(declared), "the broken build must run exactly the declared cases"
    fail_cases = sorted(name for name, kind in declared.items() if kind == "expect_fail")
    assert fail_cases, "no expect_fail case declared"

    # every expect_fail case detects the breakage: its test now passes ...
    undetected = [
        f"{name}: {status_of(results[name])} ({results[name].message})"
        for name in fail_cases
        if status_of(results[name]) != "pass"
    ]
    assert not undetected, "expect_fail cases that did not pass with every test broken:\n" + "\n".join(undetected)
    # ... and the broken SQL is still valid: the expect_pass cases pass too
    errors = sorted(name for name, result in results.items() if status_of(result) != "pass")
    assert not errors, f"cases that did not pass with every test broken: {errors}"
    # so the ordinary status check flags every expect_fail case, and only those
    assert sorted(unexpected_outcomes(results)) == fail_cases
