{# Expect the relation to have exactly `value` columns. #}
{% test expect_table_column_count_to_equal(model, value) -%}
{%- if execute -%}
{%- set number_actual_columns = adapter.get_columns_in_relation(model) | length -%}
with test_data as (

    select
        {{ number_actual_columns }} as number_actual_columns,
        {{ value }} as value,

)

select test_data.*,
from test_data
where test_data.number_actual_columns != test_data.value
{%- endif -%}
{%- endtest %}
