{# Expect the relation's columns to be exactly the given set (order-insensitive, compared after transform). #}
{% test expect_table_columns_to_match_set(model, column_list, transform="upper") -%}
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

select
    relation_columns.relation_column,
    input_columns.input_column,
from relation_columns
full outer join input_columns
    on relation_columns.relation_column = input_columns.input_column
where
    -- a listed column missing from the relation, or a relation column missing from the list
    relation_columns.relation_column is null
    or input_columns.input_column is null
{%- endif -%}
{%- endtest %}
