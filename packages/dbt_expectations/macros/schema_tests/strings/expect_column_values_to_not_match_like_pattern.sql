{# Expect no (optionally filtered) non-null value to match the SQL LIKE pattern. #}
{% test expect_column_values_to_not_match_like_pattern(model, column_name, like_pattern, row_condition=None) -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression=dbt_expectations._like_match_expression(column_name, like_pattern, negated=True),
    row_condition=row_condition,
) }}
{%- endtest %}
