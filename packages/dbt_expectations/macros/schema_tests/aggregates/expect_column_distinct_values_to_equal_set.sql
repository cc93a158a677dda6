{# Expect the set of distinct (optionally filtered) values to equal value_set exactly; a null value never matches. #}
{% test expect_column_distinct_values_to_equal_set(model, column_name, value_set, quote_values=True, row_condition=None) -%}
with all_values as (

    select distinct
        {{ column_name }} as column_value,
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}

),

set_values as (
{{ dbt_expectations._value_set_select(value_set, quote_values) }}
),

unique_set_values as (

    select distinct set_values.value_field,
    from set_values

),

validation_errors as (

    -- distinct values missing from the set, and set values missing from the column
    select
        all_values.column_value,
        unique_set_values.value_field,
    from all_values
    full outer join unique_set_values
        on all_values.column_value = unique_set_values.value_field
    where
        all_values.column_value is null
        or unique_set_values.value_field is null

)

select validation_errors.*,
from validation_errors
{%- endtest %}
