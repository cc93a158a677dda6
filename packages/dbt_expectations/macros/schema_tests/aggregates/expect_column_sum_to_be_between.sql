{# Expect the column sum (optionally per group, optionally filtered) to lie between min_value and max_value. #}
{% test expect_column_sum_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
{{ dbt_expectations.expression_between(
    model,
    expression="sum(" ~ column_name ~ ")",
    min_value=min_value,
    max_value=max_value,
    group_by_columns=group_by,
    row_condition=row_condition,
    strictly=strictly,
) }}
{%- endtest %}
