{# Shared core of the increasing / decreasing tests: select each row whose value does not move in `direction` from the previous one. #}
{% macro _column_values_monotonic(model, column_name, direction, sort_column=None, strictly=True, row_condition=None, group_by=None, step=None) -%}
{%- if direction not in ["increasing", "decreasing"] -%}
    {{ exceptions.raise_compiler_error(
        "`direction` must be one of increasing, decreasing. Got: '" ~ direction ~ "'."
    ) }}
{%- endif -%}
{%- set sort_column = sort_column if sort_column else column_name -%}
{%- set operator = (">" if direction == "increasing" else "<") ~ ("" if strictly else "=") -%}
{#- step is the size of each move: value - previous value when increasing, previous value - value when decreasing. -#}
{%- set step_difference = "add_lag_values.value_field - add_lag_values.value_field_lag" if direction == "increasing"
    else "add_lag_values.value_field_lag - add_lag_values.value_field" -%}
{%- set group_columns = dbt_expectations._as_column_list(group_by, "group_by") -%}
with all_values as (

    select
        {{ sort_column }} as sort_column,
        {%- for group_column in group_columns %}
        {{ group_column }},
        {%- endfor %}
        {{ column_name }} as value_field,
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}

),

add_lag_values as (

    select
        all_values.*,
        lag(all_values.value_field) over (
            {%- if group_columns %}
            partition by all_values.{{ group_columns | join(", all_values.") }}
            {%- endif %}
            order by all_values.sort_column
        ) as value_field_lag,
    from all_values

),

validation_errors as (

    select add_lag_values.*,
    from add_lag_values
    where
        add_lag_values.value_field_lag is not null
        and not (
            add_lag_values.value_field {{ operator }} add_lag_values.value_field_lag
            {%- if step %}
            and {{ step_difference }} = {{ step }}
            {%- endif %}
        )

)

select validation_errors.*,
from validation_errors
{%- endmacro %}
