{# Expect the relation to have none of the columns of column_list, compared after transform. #}
{% test expect_table_columns_to_not_contain_set(model, column_list, transform="upper") -%}
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

-- listed columns present in the relation
select input_columns.input_column,
from input_columns
inner join relation_columns
    on input_columns.input_column = relation_columns.relation_column
{%- endif -%}
{%- endtest %}
