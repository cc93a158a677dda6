{# Expect no (optionally filtered) value of the column to be in value_set; nulls never match and pass. #}
{% test expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values=True, row_condition=None) -%}
with all_values as (

    select
        {{ column_name }} as value_field,
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}

),

set_values as (
{{ dbt_expectations._value_set_select(value_set, quote_values, dbt.type_string() | lower if quote_values else none) }}
),

validation_errors as (

    -- values of the column that are listed in the set
    select all_values.value_field,
    from all_values
    inner join set_values
        on all_values.value_field = set_values.value_field

)

select validation_errors.*,
from validation_errors
{%- endtest %}
