"""Every var checked before any model runs (the on-run-start hook ``validate_vars``).

The hook hands this module, through the DuckDB function ``privacy_curation_var_problems`` that the
plugin below registers, the vars as resolved, the ``--vars`` given and the known var names (macro
``project_var_names``). Unknown names are reported with the closest known name; values are checked by
the same functions the ML models use (:mod:`privacy_curation.ml_config`: balancing methods, sampling
strategies, stratification keys, split ratios), so the allowed sets live in one place, plus the
ranges of the counts, rates and shares of the SQL layers.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Mapping
from typing import Any

from privacy_curation.ml_config import balance_config, sampling_config, split_config

FUNCTION_NAME = "privacy_curation_var_problems"

# whole numbers and their minimum
WHOLE_NUMBERS = {
    "random_seed": 0,
    "synthetic_messages": 0,
    "max_text_length": 1,
    "raw_data_max_age_days": 0,
    "near_duplicate_shingle_size": 1,
    "near_duplicate_bands": 1,
    "near_duplicate_rows_per_band": 1,
    "near_duplicate_min_shingles": 1,
    "near_duplicate_cluster_rounds": 1,
}
# numbers in [0, 1]
SHARES = (
    "split_stratum_tolerance",
    "min_label_confidence",
    "max_quarantine_share",
    "near_duplicate_threshold",
    "synthetic_exact_duplicate_rate",
    "synthetic_near_duplicate_rate",
    "synthetic_defect_rate",
    "synthetic_pii_rate",
    "synthetic_pii_decoy_rate",
    "drift_max_label_share_change",
)
# numbers > 0
POSITIVE = ("annotator_prior_strength", "drift_max_volume_change", "language_min_score", "language_min_margin")


def unknown_names(given: Mapping[str, Any], known: list[str]) -> list[str]:
    """One problem per ``--vars`` name the project does not know, with the closest known name."""
    problems = []
    for name in sorted(given):
        if name in known:
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else "no known var is close"
        problems.append(f"unknown var {name}: {hint} (the vars are listed in dbt_project.yml)")
    return problems


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def value_problems(resolved: Mapping[str, Any]) -> list[str]:
    """One problem per var whose value is not allowed, naming the var and what it accepts."""
    problems = []
    for name, minimum in WHOLE_NUMBERS.items():
        number = _number(resolved.get(name))
        if number is None or number != int(number) or number < minimum:
            problems.append(f"var {name} must be a whole number >= {minimum}; got {resolved.get(name)!r}")
    for name in SHARES:
        number = _number(resolved.get(name))
        if number is None or not 0 <= number <= 1:
            problems.append(f"var {name} must be a number in [0, 1]; got {resolved.get(name)!r}")
    for name in POSITIVE:
        number = _number(resolved.get(name))
        if number is None or number <= 0:
            problems.append(f"var {name} must be a number > 0; got {resolved.get(name)!r}")
    ratio = _number(resolved.get("balance_target_ratio"))
    if ratio is None or not 0 < ratio <= 1:
        got = resolved.get("balance_target_ratio")
        problems.append(f"var balance_target_ratio must be a number in (0, 1]; got {got!r}")
    languages = resolved.get("export_languages")
    if not isinstance(languages, list) or not languages:
        problems.append(f"var export_languages must be a non-empty list of language codes; got {languages!r}")

    def get(name: str) -> Any:
        return resolved[name]

    checks: tuple[tuple[str, Callable], ...] = (
        ("split", split_config),
        ("sampling", sampling_config),
        ("balancing", balance_config),
    )
    for _, check in checks:
        try:
            check(get)
        except (ValueError, TypeError, KeyError) as error:
            message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
            if message.startswith("split ratios"):
                message = f"vars train_ratio, validation_ratio, test_ratio: {message}"
            elif not message.startswith("var"):
                message = f"var {message}"
            if message not in problems:
                problems.append(message)
    return problems


def var_problems(payload: str) -> str:
    """The problems, one per line, of ``{"resolved": {...}, "given": {...}, "known": [...]}``; '' when none."""
    data = json.loads(payload)
    known = list(data.get("known") or [])
    problems = unknown_names(data.get("given") or {}, known) + value_problems(data.get("resolved") or {})
    return "\n".join(problems)


try:  # the dbt-duckdb plugin; the helpers above need no dbt
    from dbt.adapters.duckdb.plugins import BasePlugin
except ImportError:  # pragma: no cover
    BasePlugin = object


class Plugin(BasePlugin):
    """Registers ``privacy_curation_var_problems(payload varchar) -> varchar`` on dbt's connections."""

    def _register(self, connection) -> None:
        try:
            connection.create_function(FUNCTION_NAME, var_problems, ["VARCHAR"], "VARCHAR")
        except Exception as error:  # already registered on this connection
            if "already" not in str(error).lower():
                raise

    def configure_connection(self, conn) -> None:
        self._register(conn)

    def configure_cursor(self, cursor) -> None:
        self._register(cursor)
