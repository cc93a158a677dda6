{# Expect every value of value_set to appear among the distinct (optionally filtered) values of the column. #}
{% test expect_column_distinct_values_to_contain_set(model, column_name, value_set, quote_values=True, row_condition=None) -%}
with all_values as (

    select distinct
        {{ column_name }} as value_field,
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

    -- set values that the column never takes
    select unique_set_values.value_field,
    from unique_set_values
    left join all_values
        on unique_set_values.value_field = all_values.value_field
    where all_values.value_field is null

)

select validation_errors.*,
from validation_errors
{%- endtest %}
