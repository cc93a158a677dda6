{# Expect the relation's columns to be exactly the given set (order-insensitive, compared after transform). #}
{% test expect_table_columns_to_match_set(model, column_list, transform="upper") -%}
{%- if execute -%}
{%- if column_list is string or (column_list | length) == 0 -%}
    {{ exceptions.raise_compiler_error(
        "`column_list` must be a non-empty list of column names. Got: '" ~ column_list ~ "'."
    ) }}
{%- endif -%}
{%- set expected_names = [] -%}
{%- for column_name in column_list -%}
    {%- do expected_names.append(dbt_expectations._transform_name(column_name, transform)) -%}
{%- endfor -%}
{%- set relation_column_names = dbt_expectations._get_column_list(model, transform) -%}
with relation_columns as (
    {%- for name in relation_column_names %}
    select cast('{{ name | replace("'", "''") }}' as {{ dbt.type_string() | lower }}) as relation_column,
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

input_columns as (
    {%- for name in expected_names %}
    select cast('{{ name | replace("'", "''") }}' as {{ dbt.type_string() | lower }}) as input_column,
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
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
