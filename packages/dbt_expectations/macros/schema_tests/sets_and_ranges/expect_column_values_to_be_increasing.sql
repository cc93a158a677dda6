{# Expect column values to increase (strictly by default) along sort_column, optionally per group and by an exact step. #}
{% test expect_column_values_to_be_increasing(model, column_name, sort_column=None, strictly=True, row_condition=None, group_by=None, step=None) -%}
{{ dbt_expectations._column_values_monotonic(
    model,
    column_name,
    direction="increasing",
    sort_column=sort_column,
    strictly=strictly,
    row_condition=row_condition,
    group_by=group_by,
    step=step,
) }}
{%- endtest %}
