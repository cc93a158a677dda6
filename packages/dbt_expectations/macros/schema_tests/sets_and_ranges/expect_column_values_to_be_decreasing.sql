{# Expect column values to decrease (strictly by default) along sort_column, optionally per group and by an exact step. #}
{% test expect_column_values_to_be_decreasing(model, column_name, sort_column=None, strictly=True, row_condition=None, group_by=None, step=None) -%}
{#- Upstream 0.10.x semantics, kept on purpose: without sort_column the rows are ordered by the column itself
    (ascending), so any two distinct values fail; give sort_column for a meaningful check. -#}
{{ dbt_expectations._column_values_monotonic(
    model,
    column_name,
    direction="decreasing",
    sort_column=sort_column,
    strictly=strictly,
    row_condition=row_condition,
    group_by=group_by,
    step=step,
) }}
{%- endtest %}
