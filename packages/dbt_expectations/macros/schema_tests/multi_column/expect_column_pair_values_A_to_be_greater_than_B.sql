{# Expect column_A to be greater than (or, with or_equal, at least) column_B on every (optionally filtered) row. #}
{% test expect_column_pair_values_A_to_be_greater_than_B(model, column_A, column_B, or_equal=False, row_condition=None) -%}
{%- set operator = ">=" if or_equal else ">" -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression=column_A ~ " " ~ operator ~ " " ~ column_B,
    row_condition=row_condition,
) }}
{%- endtest %}
