{# Shared core: fail every row (or group) whose expression lies outside [min_value, max_value]; either bound may be omitted. #}
{% macro expression_between(model, expression, min_value=None, max_value=None, group_by_columns=None, row_condition=None, strictly=False) -%}
{%- if min_value is none and max_value is none -%}
    {{ exceptions.raise_compiler_error("You have to provide either a min_value, max_value or both.") }}
{%- endif -%}
{%- set operator_suffix = "" if strictly else "=" -%}
{%- set bounds = [] -%}
{%- if min_value is not none -%}
    {%- do bounds.append((expression | trim) ~ " >" ~ operator_suffix ~ " " ~ min_value) -%}
{%- endif -%}
{%- if max_value is not none -%}
    {%- do bounds.append((expression | trim) ~ " <" ~ operator_suffix ~ " " ~ max_value) -%}
{%- endif -%}
{%- set bounded_expression = "(" ~ (bounds | join(" and ")) ~ ")" -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression=bounded_expression,
    group_by_columns=group_by_columns,
    row_condition=row_condition,
) }}
{%- endmacro %}
