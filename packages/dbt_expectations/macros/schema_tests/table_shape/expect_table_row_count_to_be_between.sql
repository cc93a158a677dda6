{# Expect the (optionally filtered, optionally per-group) row count to lie between min_value and max_value. #}
{% test expect_table_row_count_to_be_between(model, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
{{ dbt_expectations.expression_between(
    model,
    expression="count(*)",
    min_value=min_value,
    max_value=max_value,
    group_by_columns=group_by,
    row_condition=row_condition,
    strictly=strictly,
) }}
{%- endtest %}
