"""The vars of the ML models, read once and checked.

dbt hands a Python model only the config keys its file names in ``dbt.config.get("...")``, so the
ML models' YAML passes every var they use as one JSON object, config key ``ml_vars``. Each model
reads it with :func:`read_ml_vars` and takes what it needs through one of the ``*_config``
functions, so the casts and the checks live in one place.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from privacy_curation.balance_table import parse_overrides
from privacy_curation.balancing import check_method
from privacy_curation.sampling import check_strategy
from privacy_curation.splitting import split_ratios

# what sampling and splitting can stratify by: columns of ml_stratification_keys
STRATIFY_KEYS = ("intent", "channel", "locale", "language", "jurisdiction", "semantic_density_bucket")

Getter = Callable[[str], Any]


def read_ml_vars(raw: object) -> Getter:
    """The ``ml_vars`` config (JSON text, or the mapping dbt's native rendering may make of it) as
    a getter that names the missing var in its error."""
    if raw is None:
        raise ValueError("the model has no ml_vars config: see python_models/ml/_ml__models.yml")
    values = json.loads(raw) if isinstance(raw, str) else dict(raw)

    def get(name: str) -> Any:
        if name not in values:
            raise KeyError(f"var {name} is missing from the ml_vars config (python_models/ml/_ml__models.yml)")
        return values[name]

    return get


def parse_stratify_by(value: object) -> list[str]:
    """The ``stratify_by`` var: a list of keys (or its JSON), at least one, each known, no repeats."""
    if isinstance(value, str):
        text = value.strip()
        value = json.loads(text) if text.startswith("[") else [part.strip() for part in text.split(",") if part.strip()]
    if not isinstance(value, list | tuple) or not value:
        raise ValueError(f"var stratify_by must be a non-empty list of keys from {', '.join(STRATIFY_KEYS)}")
    keys = [str(key) for key in value]
    unknown = [key for key in keys if key not in STRATIFY_KEYS]
    if unknown:
        raise ValueError(
            f"var stratify_by: unknown key(s) {', '.join(unknown)}; choose from {', '.join(STRATIFY_KEYS)}"
        )
    if len(set(keys)) != len(keys):
        raise ValueError(f"var stratify_by lists a key twice: {keys}")
    return keys


def _choice(value: object) -> str:
    """A var holding a name; dbt's native rendering turns the name ``none`` into Python's None."""
    return "none" if value is None or value == "None" else str(value)


def _json_or_value(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if text in ("", "None", "null"):
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
    return value


def _whole_number(name: str, value: object, minimum: int) -> int:
    number = float(value)
    if number != int(number) or number < minimum:
        raise ValueError(f"var {name} must be a whole number >= {minimum}; got {value!r}")
    return int(number)


def split_config(get: Getter) -> dict[str, Any]:
    """Seed, the four split ratios, the stratification keys and the small-strata size."""
    return {
        "seed": int(get("random_seed")),
        "ratios": split_ratios(
            float(get("train_ratio")),
            float(get("validation_ratio")),
            float(get("test_ratio")),
            float(get("control_ratio")),
        ),
        "stratify_by": parse_stratify_by(get("stratify_by")),
        "min_stratum_size": _whole_number("min_stratum_size", get("min_stratum_size"), 1),
    }


def sampling_config(get: Getter) -> dict[str, Any]:
    """Seed, strategy, sample size, per-label caps, stratification keys and small-strata size."""
    strategy = check_strategy(_choice(get("sampling_strategy")))
    size = _json_or_value(get("sample_size"))
    if strategy in ("random", "stratified", "systematic") and size is None:
        raise ValueError(f"sampling_strategy {strategy} needs var sample_size (a row count or a share of the pool)")
    per_label = _json_or_value(get("sample_per_label"))
    if strategy == "per_label" and per_label in (None, {}):
        raise ValueError("sampling_strategy per_label needs var sample_per_label (a cap, or a mapping label: cap)")
    return {
        "seed": int(get("random_seed")),
        "strategy": strategy,
        "size": size,
        "per_label": per_label if per_label is not None else {},
        "stratify_by": parse_stratify_by(get("stratify_by")),
        "min_stratum_size": _whole_number("min_stratum_size", get("min_stratum_size"), 1),
    }


def balance_config(get: Getter) -> dict[str, Any]:
    """Seed, method, ratio, per-label targets, neighbours and the per-class learning sample."""
    return {
        "seed": int(get("random_seed")),
        "method": check_method(_choice(get("balance_method"))),
        "target_ratio": float(get("balance_target_ratio")),
        "overrides": parse_overrides(get("balance_targets")),
        "k_neighbors": _whole_number("smote_k_neighbors", get("smote_k_neighbors"), 1),
        "m_neighbors": _whole_number("smote_m_neighbors", get("smote_m_neighbors"), 1),
        "max_rows": _whole_number("smote_max_rows_per_class", get("smote_max_rows_per_class"), 2),
    }
