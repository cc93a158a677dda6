"""`dbt docs generate` succeeds and leaves nothing undescribed: models, seeds, snapshots, sources and
their columns, the project's macros and their arguments, and the exposures."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.dbt

PROJECT = "privacy_curation"


def undescribed_nodes(manifest: dict, catalog: dict) -> list[str]:
    """Every model, seed and source in the catalog without a description, or with a column lacking one."""
    missing = []
    for section, described_in in (("nodes", "nodes"), ("sources", "sources")):
        for unique_id, table in catalog[section].items():
            node = manifest[described_in].get(unique_id)
            if node is None or node["resource_type"] == "test":
                continue
            if not node.get("description"):
                missing.append(f"{unique_id} ({node['resource_type']})")
            described = {name.lower() for name, column in node["columns"].items() if column.get("description")}
            missing += [f"{unique_id}.{column}" for column in table["columns"] if column.lower() not in described]
    return missing


def macro_arguments(macro_sql: str) -> list[str]:
    """The argument names of a `{% macro name(...) %}` or `{% test name(...) %}` header; a
    `{% materialization name, adapter=... %}` takes none."""
    header = re.search(r"{%-?\s*(?:macro|test)\s+\w+\((.*?)\)\s*-?%}", macro_sql, re.S)
    if header is None and re.search(r"{%-?\s*materialization\s", macro_sql):
        return []
    names = []
    for part in header.group(1).split(","):
        name = part.split("=")[0].strip()
        if name:
            names.append(name)
    return names


def undescribed_macros(manifest: dict) -> list[str]:
    missing = []
    for unique_id, macro in manifest["macros"].items():
        if macro["package_name"] != PROJECT:
            continue
        if not macro.get("description"):
            missing.append(f"{unique_id} (no description)")
        documented = {argument["name"]: argument for argument in macro.get("arguments", [])}
        for name in macro_arguments(macro["macro_sql"]):
            if name == "model" and unique_id.split(".")[-1].startswith("test_"):
                continue  # a generic test's implicit model argument
            if not documented.get(name, {}).get("description"):
                missing.append(f"{unique_id}({name})")
    return missing


def test_every_model_seed_source_and_column_is_described(docs_target):
    manifest = json.loads((docs_target / "manifest.json").read_text())
    catalog = json.loads((docs_target / "catalog.json").read_text())
    assert catalog["sources"], "the catalog holds no source: are the audit tables missing?"
    missing = undescribed_nodes(manifest, catalog)
    assert missing == [], "undescribed:\n" + "\n".join(missing)


def test_every_macro_and_argument_is_described(docs_target):
    manifest = json.loads((docs_target / "manifest.json").read_text())
    missing = undescribed_macros(manifest)
    assert missing == [], "undescribed macros or arguments:\n" + "\n".join(missing)


def test_docs_landing_page_and_ml_exposure(docs_target):
    manifest = json.loads((docs_target / "manifest.json").read_text())
    overview = manifest["docs"].get(f"doc.{PROJECT}.__overview__")
    assert overview is not None and "curated_training_data" in overview["block_contents"]
    exposure = manifest["exposures"][f"exposure.{PROJECT}.intent_classifier_training"]
    assert exposure["type"] == "ml"
    assert exposure["owner"]["email"] and exposure["maturity"]
    assert exposure["meta"]["parquet_path"].endswith("curated_training_data.parquet")
    assert f"model.{PROJECT}.curated_training_data" in exposure["depends_on"]["nodes"]


def test_the_check_catches_an_undescribed_column(docs_target):
    """The checks fail when a description goes missing."""
    manifest = json.loads((docs_target / "manifest.json").read_text())
    catalog = json.loads((docs_target / "catalog.json").read_text())
    node = manifest["nodes"][f"model.{PROJECT}.row_accounting"]
    next(iter(node["columns"].values()))["description"] = ""
    assert undescribed_nodes(manifest, catalog)
    macro = manifest["macros"][f"macro.{PROJECT}.audit_literal"]
    macro["arguments"] = []
    assert f"macro.{PROJECT}.audit_literal(value)" in undescribed_macros(manifest)
