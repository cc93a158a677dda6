{# Expect a SQL expression (per row, or per group when group_by_columns is set) to satisfy test_condition. #}
{% test expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression=expression,
    test_condition=test_condition,
    group_by_columns=group_by_columns,
    row_condition=row_condition,
) }}
{%- endtest %}
