"""`dbt docs generate` succeeds and leaves no model, seed or column undescribed."""

from __future__ import annotations

import json

import pytest
from conftest import run_dbt

pytestmark = pytest.mark.dbt


def test_every_model_and_column_is_described(default_build):
    result = run_dbt(["docs", "generate", "--vars", '{"synthetic_messages": 6000}'], default_build.work_dir)
    assert result.success, f"dbt docs generate failed: {result.exception}"
    target = default_build.work_dir / "target"
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())
    missing = []
    for unique_id, table in catalog["nodes"].items():
        node = manifest["nodes"].get(unique_id)
        if node is None or node["resource_type"] == "test":
            continue
        if not node.get("description"):
            missing.append(f"{unique_id} (model)")
        described = {name.lower() for name, column in node["columns"].items() if column.get("description")}
        missing += [f"{unique_id}.{column}" for column in table["columns"] if column.lower() not in described]
    assert missing == [], "undescribed:\n" + "\n".join(missing)
