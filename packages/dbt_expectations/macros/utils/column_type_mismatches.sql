{# Shared core of the type tests: select the column when its catalog type is not in column_type_list (case-insensitive). #}
{% macro _column_type_mismatches(model, column_name, column_type_list) -%}
{%- if execute -%}
{%- if column_type_list is string or (column_type_list | length) == 0 -%}
    {{ exceptions.raise_compiler_error(
        "`column_type_list` must be a non-empty list of type names. Got: '" ~ column_type_list ~ "'."
    ) }}
{%- endif -%}
{%- set expected_types = [] -%}
{%- for column_type in column_type_list -%}
    {%- do expected_types.append("'" ~ (column_type | string | upper | replace("'", "''")) ~ "'") -%}
{%- endfor -%}
with relation_columns as (
    {%- for column in adapter.get_columns_in_relation(model) %}
    select
        cast('{{ column.name | upper | replace("'", "''") }}' as {{ dbt.type_string() | lower }}) as relation_column,
        cast('{{ column.dtype | upper | replace("'", "''") }}' as {{ dbt.type_string() | lower }}) as relation_column_type,
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

test_data as (

    select
        relation_columns.relation_column,
        relation_columns.relation_column_type,
    from relation_columns
    where
        relation_columns.relation_column = '{{ column_name | upper | replace("'", "''") }}'
        and relation_columns.relation_column_type not in ({{ expected_types | join(", ") }})

)

select test_data.*,
from test_data
{%- endif -%}
{%- endmacro %}
