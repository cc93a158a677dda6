{# Expect the column to exist in the relation, optionally at a given 1-based position. #}
{% test expect_column_to_exist(model, column_name, column_index=None, transform="upper") -%}
{%- if execute -%}
{%- set expected_name = dbt_expectations._transform_name(column_name, transform) -%}
{%- set relation_column_names = dbt_expectations._get_column_list(model, transform) -%}
{%- set matching_column_index = relation_column_names.index(expected_name) if expected_name in relation_column_names else -1 -%}
{%- if column_index -%}
    {#- column_index is 1-based; anything below 1 is read as the first column. -#}
    {%- set expected_index_0 = (column_index - 1) if column_index > 0 else 0 -%}
    {%- set column_index_matches = matching_column_index == expected_index_0 -%}
{%- else -%}
    {%- set column_index_matches = true -%}
{%- endif -%}
with test_data as (

    select
        cast('{{ expected_name | replace("'", "''") }}' as {{ dbt.type_string() | lower }}) as column_name,
        {{ matching_column_index }} as matching_column_index,
        {{ "true" if column_index_matches else "false" }} as column_index_matches,

)

select test_data.*,
from test_data
where not (test_data.matching_column_index >= 0 and test_data.column_index_matches)
{%- endif -%}
{%- endtest %}
