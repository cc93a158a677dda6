"""The audit trail and the run history, over three builds into one database.

Build 1 is the session's default build (its database is copied), build 2 repeats it, build 3 adds a
raw file of deletion requests that shifts the class mix. Then:
- the audit tables hold every invocation and its nodes, and a later run never rewrites earlier rows;
- identical builds raise no drift warning; the changed class mix raises the label-share warning
  (and, under the default threshold, no volume warning); a lower volume threshold raises it too.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT_DIR, TEST_SYNTHETIC_MESSAGES, Build, build_project, copy_with_wal, run_dbt

pytestmark = pytest.mark.dbt

LABEL_SHARE_TEST = "curated_training_data_label_share_stable_since_previous_build"
VOLUME_TESTS = {
    "row_accounting_volume_stable_since_previous_build",
    "curated_training_data_split_volume_stable_since_previous_build",
}
EXTRA_DELETIONS = 1500
GOOD_TIME = "2026-03-20T09:30:00Z"


def copy_database(build: Build, work_dir: Path) -> None:
    copy_with_wal(build.database, work_dir / "curation.duckdb")


def write_deletion_requests(raw_dir: Path) -> None:
    """EXTRA_DELETIONS distinct deletion requests, each with three agreeing annotations."""
    verbs = ["erase", "delete", "remove", "wipe", "purge", "destroy", "scrub", "clear", "drop", "discard"]
    things = ["profile", "account", "records", "history", "files", "details", "data", "photos", "logs", "notes"]
    places = ["servers", "systems", "backups", "databases", "archives", "apps", "platform", "storage", "site", "cloud"]
    tones = ["please", "kindly", "now", "today", "at once", "without delay", "promptly", "asap", "urgently", "soon"]
    combos = itertools.islice(itertools.product(verbs, things, places, tones), EXTRA_DELETIONS)
    with (
        (raw_dir / "messages" / "zz_deletions.csv").open("w", newline="", encoding="utf-8") as messages,
        (raw_dir / "annotations" / "zz_deletions.csv").open("w", newline="", encoding="utf-8") as annotations,
    ):
        message_writer, annotation_writer = csv.writer(messages), csv.writer(annotations)
        message_writer.writerow(["message_id", "text", "channel", "locale", "created_at"])
        annotation_writer.writerow(["message_id", "annotator_id", "intent", "confidence", "annotated_at"])
        for number, (verb, thing, place, tone) in enumerate(combos):
            message_id = f"drift-{number:05d}"
            # two made-up words per message keep the requests apart for near-duplicate detection
            digest = hashlib.md5(message_id.encode()).hexdigest()
            tag = " ".join("".join(chr(ord("a") + int(c, 16)) for c in digest[i : i + 9]) for i in (0, 9, 18))
            text = f"I want you to {verb} my {thing} from your {place} {tone}, I am leaving the service ({tag})."
            message_writer.writerow([message_id, text, "email", "en-GB", GOOD_TIME])
            for annotator in ("ann-d1", "ann-d2", "ann-d3"):
                annotation_writer.writerow([message_id, annotator, "deletion", "0.9", GOOD_TIME])


def node_count(build: Build) -> int:
    """Nodes the build ran (its results less the on-run-start and on-run-end hooks)."""
    return sum(str(result.node.resource_type) != "operation" for result in build.result.result.results)


def statuses(build: Build) -> dict[str, str]:
    return {result.node.name: str(result.status) for result in build.result.result.results}


def invocation_id(build: Build) -> str:
    return build.invocation_id


def last_invocation_id() -> str:
    """The id of the dbt invocation that just returned in this process."""
    from dbt_common.invocation import get_invocation_id

    return get_invocation_id()


@pytest.fixture(scope="module")
def history(default_build, tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("audit_builds")
    copy_database(default_build, work_dir)
    copied = Build(work_dir, work_dir / "curation.duckdb", work_dir / "output", None)
    first_rows = copied.query("select * from audit.dbt_node_results order by unique_id")
    [(default_build.invocation_id,)] = copied.query("select invocation_id from audit.dbt_invocations")
    second = build_project(work_dir)
    second.invocation_id = last_invocation_id()
    assert second.result.success
    raw_dir = work_dir / "raw"
    shutil.copytree(PROJECT_DIR / "data" / "raw", raw_dir, ignore=shutil.ignore_patterns("README.md"))
    write_deletion_requests(raw_dir)
    third = build_project(work_dir, raw_dir=raw_dir)
    third.invocation_id = last_invocation_id()
    assert third.result.success
    return {"work_dir": work_dir, "first_rows": first_rows, "builds": [default_build, second, third]}


def test_the_audit_holds_every_invocation_and_its_nodes(history):
    builds = history["builds"]
    last = builds[-1]
    invocations = last.query(
        "select invocation_id, command, started_at < finished_at, is_success, node_count, "
        "vars->>'$.synthetic_messages', package_versions->>'$.dbt-core', package_versions->>'$.duckdb' "
        "from audit.dbt_invocations order by started_at"
    )
    ids = [invocation_id(build) for build in builds]
    assert [row[0] for row in invocations] == ids
    for row, build in zip(invocations, builds, strict=True):
        assert row[1] == "build" and row[2] and row[3]
        assert row[4] == node_count(build)
        assert row[5] == str(TEST_SYNTHETIC_MESSAGES)
        assert row[6] and row[7]
    nodes = dict(last.query("select invocation_id, count(*) from audit.dbt_node_results group by all"))
    assert nodes == {invocation_id(build): node_count(build) for build in builds}
    [(rows, status, execution_seconds)] = last.query(
        f"select relation_rows, status, execution_seconds from audit.dbt_node_results "
        f"where invocation_id = '{ids[-1]}' and unique_id = 'model.privacy_curation.curated_messages'"
    )
    [(pool,)] = last.query("select count(*) from curated_messages")
    assert (rows, status) == (pool, "success") and execution_seconds > 0
    [(view_rows, view_status)] = last.query(
        f"select relation_rows, status from audit.dbt_node_results "
        f"where invocation_id = '{ids[-1]}' and unique_id = 'model.privacy_curation.stg_synthetic__messages'"
    )
    assert (view_rows, view_status) == (None, "success")  # a view is not counted: that would run it
    [(failing_tests,)] = last.query(
        f"select count(*) from audit.dbt_node_results where invocation_id = '{ids[-1]}' and status = 'warn' "
        "and failures > 0"
    )
    assert failing_tests >= 1


def test_a_later_run_rewrites_nothing(history):
    first_id = invocation_id(history["builds"][0])
    later = history["builds"][-1].query(
        f"select * from audit.dbt_node_results where invocation_id = '{first_id}' order by unique_id"
    )
    assert later == history["first_rows"]


def test_each_build_records_its_row_accounting_and_class_mix(history):
    last = history["builds"][-1]
    for table in ("build_row_accounting", "build_class_mix"):
        recorded = [row[0] for row in last.query(f"select distinct invocation_id from audit.{table}")]
        assert sorted(recorded) == sorted(invocation_id(build) for build in history["builds"]), table
    [(history_kept,)] = last.query(
        f"select sum(row_count) from audit.build_row_accounting where resolution = 'kept' "
        f"and invocation_id = '{invocation_id(last)}'"
    )
    [(pool,)] = last.query("select count(*) from curated_messages")
    assert history_kept == pool


def test_identical_builds_raise_no_drift_warning(history):
    second = statuses(history["builds"][1])
    for name in {LABEL_SHARE_TEST, *VOLUME_TESTS}:
        assert second[name] == "pass", name


def test_a_changed_class_mix_raises_the_drift_warning(history):
    third = statuses(history["builds"][2])
    assert third[LABEL_SHARE_TEST] == "warn"
    assert all(third[name] == "pass" for name in VOLUME_TESTS), "the volume moved less than the default 50%"
    [(intent, change)] = history["builds"][2].query(
        f"select dimension_value, share_change from main_dbt_test__audit.{LABEL_SHARE_TEST} "
        "order by abs(share_change) desc limit 1"
    )
    assert intent == "deletion" and change > 0.1


def test_a_standalone_test_run_compares_against_the_build_before(history):
    """`dbt test` after build 3 compares build 3's data with build 2, and a lower volume threshold warns."""
    work_dir = history["work_dir"]
    result = run_dbt(
        [
            "test",
            "--select",
            f"{LABEL_SHARE_TEST} row_accounting_volume_stable_since_previous_build",
            "--vars",
            json.dumps({"synthetic_messages": TEST_SYNTHETIC_MESSAGES, "drift_max_volume_change": 0.1}),
        ],
        work_dir,
        raw_dir=work_dir / "raw",
    )
    assert result.success
    got = {r.node.name: str(r.status) for r in result.result.results if str(r.node.resource_type) != "operation"}
    assert got == {LABEL_SHARE_TEST: "warn", "row_accounting_volume_stable_since_previous_build": "warn"}
    last = Build(work_dir, work_dir / "curation.duckdb", work_dir / "output", None)
    commands = [row[0] for row in last.query("select command from audit.dbt_invocations order by started_at")]
    assert commands == ["build", "build", "build", "test"]


def test_audited_vars_lists_every_project_var():
    """`project_var_names` (which `audited_vars` records and `validate_vars` checks names against) names
    every var of dbt_project.yml, so the audit records each one."""
    import re

    import yaml

    project_vars = set(yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())["vars"])
    macro = (PROJECT_DIR / "macros" / "audit" / "project_var_names.sql").read_text()
    listed = set(re.findall(r"'([a-z_]+)'", macro.split("return([", 1)[1].split("]", 1)[0]))
    assert listed == project_vars
