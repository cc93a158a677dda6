{# Expect every (optionally filtered) value of the column to be null. #}
{% test expect_column_values_to_be_null(model, column_name, row_condition=None) -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression=column_name ~ " is null",
    row_condition=row_condition,
) }}
{%- endtest %}
