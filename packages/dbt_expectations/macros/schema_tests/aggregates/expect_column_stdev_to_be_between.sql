{# Expect the sample standard deviation of the column (optionally per group, optionally filtered) to lie between the bounds. #}
{% test expect_column_stdev_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
{#- Sample standard deviation (divides by N - 1), as upstream: null, so not checked, for fewer than two values. -#}
{{ dbt_expectations.expression_between(
    model,
    expression="stddev_samp(" ~ column_name ~ ")",
    min_value=min_value,
    max_value=max_value,
    group_by_columns=group_by,
    row_condition=row_condition,
    strictly=strictly,
) }}
{%- endtest %}
