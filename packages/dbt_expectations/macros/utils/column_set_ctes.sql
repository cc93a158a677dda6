{# Shared preamble of the table-column set tests: validate column_list, then (when executing) render `with relation_columns as (...), input_columns as (...)`, the relation's column names and the listed ones, both passed through transform. #}
{% macro _column_set_ctes(model, column_list, transform="upper") -%}
{%- do dbt_expectations._validate_non_empty_list(column_list, "column_list", "column names") -%}
{%- if execute -%}
{%- set expected_names = [] -%}
{%- for column_name in column_list -%}
    {%- do expected_names.append(dbt_expectations._transform_name(column_name, transform)) -%}
{%- endfor -%}
{%- set relation_column_names = dbt_expectations._get_column_list(model, transform) -%}
with relation_columns as (
{{ dbt_expectations._column_name_select(relation_column_names, "relation_column") }}
),

input_columns as (
{{ dbt_expectations._column_name_select(expected_names, "input_column") }}
)
{%- endif -%}
{%- endmacro %}
