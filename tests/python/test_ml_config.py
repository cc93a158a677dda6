"""Unit tests of the ML vars (the ``ml_vars`` config read once and checked), without dbt."""

from __future__ import annotations

import json

import pytest

from privacy_curation.ml_config import (
    STRATIFY_KEYS,
    balance_config,
    parse_stratify_by,
    read_ml_vars,
    sampling_config,
    split_config,
)

DEFAULTS = {
    "random_seed": 42,
    "train_ratio": 0.7,
    "validation_ratio": 0.15,
    "test_ratio": 0.15,
    "control_ratio": 0.05,
    "stratify_by": ["intent", "channel"],
    "min_stratum_size": 20,
    "sampling_strategy": "none",
    "sample_size": None,
    "sample_per_label": {},
    "balance_method": "smote",
    "balance_target_ratio": 0.5,
    "balance_targets": {},
    "smote_k_neighbors": 5,
    "smote_m_neighbors": 10,
    "smote_max_rows_per_class": 20000,
}


def vars_(**overrides):
    """A getter of the default vars with ``overrides``, through the JSON text dbt hands the model."""
    return read_ml_vars(json.dumps({**DEFAULTS, **overrides}))


# --- read_ml_vars -----------------------------------------------------------------------------


def test_read_ml_vars_reads_json_text_and_a_mapping_alike():
    from_text = read_ml_vars(json.dumps(DEFAULTS))
    from_mapping = read_ml_vars(DEFAULTS)
    for name, value in DEFAULTS.items():
        assert from_text(name) == value
        assert from_mapping(name) == value
    assert from_text("sample_size") is None


def test_read_ml_vars_copies_the_mapping():
    values = dict(DEFAULTS)
    get = read_ml_vars(values)
    values["random_seed"] = 7
    assert get("random_seed") == 42


def test_read_ml_vars_names_a_missing_var():
    get = read_ml_vars({"random_seed": 1})
    with pytest.raises(KeyError, match="var train_ratio is missing from the ml_vars config"):
        get("train_ratio")
    with pytest.raises(KeyError, match="random_seed"):
        split_config(read_ml_vars({}))
    with pytest.raises(KeyError, match="sampling_strategy"):
        sampling_config(read_ml_vars({k: v for k, v in DEFAULTS.items() if k != "sampling_strategy"}))


def test_read_ml_vars_without_a_config_says_so():
    with pytest.raises(ValueError, match="no ml_vars config"):
        read_ml_vars(None)


# --- parse_stratify_by ------------------------------------------------------------------------


def test_parse_stratify_by_accepts_a_list_its_json_or_comma_separated_text():
    assert parse_stratify_by(["intent", "channel"]) == ["intent", "channel"]
    assert parse_stratify_by(("locale",)) == ["locale"]
    assert parse_stratify_by('["intent", "language"]') == ["intent", "language"]
    assert parse_stratify_by("intent, channel") == ["intent", "channel"]
    assert parse_stratify_by(" jurisdiction ,semantic_density_bucket, ") == ["jurisdiction", "semantic_density_bucket"]
    assert parse_stratify_by(list(STRATIFY_KEYS)) == list(STRATIFY_KEYS)


@pytest.mark.parametrize("value", [["intent", "colour"], "intent,colour", '["colour"]', ["Intent"]])
def test_parse_stratify_by_rejects_an_unknown_key_naming_it(value):
    with pytest.raises(ValueError, match=r"unknown key\(s\) (colour|Intent)"):
        parse_stratify_by(value)


@pytest.mark.parametrize("value", [[], (), "", "  ", " , ", "[]", None, 5, {"intent": 1}])
def test_parse_stratify_by_rejects_an_empty_or_non_list_value(value):
    with pytest.raises(ValueError, match="var stratify_by must be a non-empty list"):
        parse_stratify_by(value)


@pytest.mark.parametrize("value", [["intent", "intent"], "channel, intent, channel", '["locale", "locale"]'])
def test_parse_stratify_by_rejects_a_repeated_key(value):
    with pytest.raises(ValueError, match="stratify_by lists a key twice"):
        parse_stratify_by(value)


# --- split_config -----------------------------------------------------------------------------


def test_split_config_carves_control_first():
    config = split_config(vars_(control_ratio=0.1))
    assert config["ratios"] == pytest.approx({"train": 0.63, "validation": 0.135, "test": 0.135, "control": 0.1})
    assert sum(config["ratios"].values()) == pytest.approx(1)
    assert config["seed"] == 42
    assert config["stratify_by"] == ["intent", "channel"]
    assert config["min_stratum_size"] == 20


def test_split_config_without_control_keeps_the_ratios():
    config = split_config(vars_(control_ratio=0))
    assert config["ratios"] == pytest.approx({"train": 0.7, "validation": 0.15, "test": 0.15, "control": 0})


def test_split_config_reads_a_plain_dict_and_casts_text():
    values = {
        **DEFAULTS,
        "random_seed": "7",
        "train_ratio": "0.8",
        "validation_ratio": "0.1",
        "test_ratio": "0.1",
        "control_ratio": "0.5",
        "stratify_by": "intent,locale",
        "min_stratum_size": "5",
    }
    config = split_config(values.get)
    assert config["seed"] == 7
    assert config["ratios"] == pytest.approx({"train": 0.4, "validation": 0.05, "test": 0.05, "control": 0.5})
    assert config["stratify_by"] == ["intent", "locale"]
    assert config["min_stratum_size"] == 5
    assert isinstance(config["min_stratum_size"], int)


@pytest.mark.parametrize("control", [1, 1.0, 1.5, -0.1])
def test_split_config_rejects_a_control_ratio_outside_zero_to_one(control):
    with pytest.raises(ValueError, match="control_ratio"):
        split_config(vars_(control_ratio=control))


@pytest.mark.parametrize(("train", "validation", "test"), [(0.8, 0.15, 0.15), (0.5, 0.15, 0.15), (0.63, 0.135, 0.135)])
def test_split_config_rejects_ratios_not_summing_to_one(train, validation, test):
    with pytest.raises(ValueError, match="sum to 1"):
        split_config(vars_(train_ratio=train, validation_ratio=validation, test_ratio=test))


@pytest.mark.parametrize("size", [0, -3, 2.5, "2.5"])
def test_split_config_rejects_a_bad_min_stratum_size(size):
    with pytest.raises(ValueError, match="min_stratum_size"):
        split_config(vars_(min_stratum_size=size))


# --- sampling_config --------------------------------------------------------------------------


def test_sampling_config_defaults_to_no_sampling():
    config = sampling_config(vars_())
    assert config == {
        "seed": 42,
        "strategy": "none",
        "size": None,
        "per_label": {},
        "stratify_by": ["intent", "channel"],
        "min_stratum_size": 20,
    }


@pytest.mark.parametrize("strategy", [None, "None", "none"])
def test_sampling_config_maps_a_none_strategy_to_none(strategy):
    assert sampling_config(vars_(sampling_strategy=strategy))["strategy"] == "none"
    assert sampling_config({**DEFAULTS, "sampling_strategy": strategy}.get)["strategy"] == "none"


def test_sampling_config_rejects_an_unknown_strategy_naming_the_var():
    with pytest.raises(ValueError, match="sampling_strategy"):
        sampling_config(vars_(sampling_strategy="bogus"))


@pytest.mark.parametrize("strategy", ["random", "stratified", "systematic"])
@pytest.mark.parametrize("size", [None, "None", "null", "", "  "])
def test_sampling_config_needs_a_sample_size_for_a_sized_strategy(strategy, size):
    with pytest.raises(ValueError, match=f"sampling_strategy {strategy} needs var sample_size"):
        sampling_config(vars_(sampling_strategy=strategy, sample_size=size))


@pytest.mark.parametrize(("size", "expected"), [(500, 500), (0.1, 0.1), ("250", 250), ("0.25", 0.25)])
def test_sampling_config_reads_the_sample_size_as_a_number(size, expected):
    config = sampling_config(vars_(sampling_strategy="random", sample_size=size))
    assert config["strategy"] == "random"
    assert config["size"] == expected


@pytest.mark.parametrize("caps", [None, {}, "{}", "", "None", "null"])
def test_sampling_config_needs_caps_for_per_label(caps):
    with pytest.raises(ValueError, match="sampling_strategy per_label needs var sample_per_label"):
        sampling_config(vars_(sampling_strategy="per_label", sample_per_label=caps))


@pytest.mark.parametrize(
    ("caps", "expected"),
    [({"billing": 100}, {"billing": 100}), ('{"billing": 100}', {"billing": 100}), (50, 50), ("50", 50)],
)
def test_sampling_config_reads_per_label_caps(caps, expected):
    config = sampling_config(vars_(sampling_strategy="per_label", sample_per_label=caps))
    assert config["strategy"] == "per_label"
    assert config["per_label"] == expected


def test_sampling_config_does_not_need_a_size_or_caps_for_none():
    config = sampling_config(vars_(sampling_strategy="none", sample_size="None", sample_per_label="None"))
    assert config["size"] is None
    assert config["per_label"] == {}


# --- balance_config ---------------------------------------------------------------------------


def test_balance_config_reads_and_casts_the_vars():
    config = balance_config(
        vars_(
            random_seed="3",
            balance_target_ratio="0.25",
            balance_targets='{"refund": 0.4, "cancel": 300}',
            smote_k_neighbors="5",
            smote_m_neighbors=10.0,
            smote_max_rows_per_class="2",
        )
    )
    assert config == {
        "seed": 3,
        "method": "smote",
        "target_ratio": 0.25,
        "overrides": {"refund": 0.4, "cancel": 300.0},
        "k_neighbors": 5,
        "m_neighbors": 10,
        "max_rows": 2,
    }
    assert all(isinstance(config[name], int) for name in ("seed", "k_neighbors", "m_neighbors", "max_rows"))


def test_balance_config_maps_a_none_method_to_none_and_reads_empty_targets():
    for method in (None, "None"):
        assert balance_config(vars_(balance_method=method))["method"] == "none"
    for targets in ({}, None, "", "None"):
        assert balance_config(vars_(balance_targets=targets))["overrides"] == {}


def test_balance_config_rejects_an_unknown_method():
    with pytest.raises(ValueError, match="balance_method"):
        balance_config(vars_(balance_method="bogus"))


@pytest.mark.parametrize("k", [5.5, "2.5", 0, -1])
def test_balance_config_rejects_a_non_whole_or_small_k_neighbors(k):
    with pytest.raises(ValueError, match="var smote_k_neighbors must be a whole number >= 1"):
        balance_config(vars_(smote_k_neighbors=k))


def test_balance_config_checks_m_neighbors_and_the_per_class_rows():
    with pytest.raises(ValueError, match="smote_m_neighbors"):
        balance_config(vars_(smote_m_neighbors=1.5))
    with pytest.raises(ValueError, match="var smote_max_rows_per_class must be a whole number >= 2"):
        balance_config(vars_(smote_max_rows_per_class=1))
