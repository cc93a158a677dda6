{# Expect a SQL expression (per row, or per group when group_by_columns is set) to lie between min_value and max_value. #}
{% test expression_between(model, expression, min_value=None, max_value=None, group_by_columns=None, row_condition=None, strictly=False) -%}
{{ dbt_expectations.expression_between(
    model,
    expression=expression,
    min_value=min_value,
    max_value=max_value,
    group_by_columns=group_by_columns,
    row_condition=row_condition,
    strictly=strictly,
) }}
{%- endtest %}
