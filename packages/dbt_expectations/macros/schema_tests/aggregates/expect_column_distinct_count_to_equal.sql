{# Expect the number of distinct non-null values (optionally per group, optionally filtered) to equal value. #}
{% test expect_column_distinct_count_to_equal(model, column_name, value, quote_values=False, group_by=None, row_condition=None) -%}
{#- quote_values is accepted for interface compatibility only: upstream 0.10.x ignores it as well. -#}
{{ dbt_expectations.expression_is_true(
    model,
    expression="count(distinct " ~ column_name ~ ") = " ~ value,
    group_by_columns=group_by,
    row_condition=row_condition,
) }}
{%- endtest %}
