{# The share of the sampled pool each split should get, as a `values` list of (split, ratio):
   control first (`control_ratio`), train, validation and test sharing the rest by their ratios. #}
{% macro split_target_ratios() -%}
    {%- set control = var('control_ratio') -%}
    values
    ('train', {{ var('train_ratio') }} * (1 - {{ control }})),
    ('validation', {{ var('validation_ratio') }} * (1 - {{ control }})),
    ('test', {{ var('test_ratio') }} * (1 - {{ control }})),
    ('control', {{ control }})
{%- endmacro %}
