{# Expect the continuous quantile of the column (optionally per group, optionally filtered) to lie between the bounds. #}
{% test expect_column_quantile_values_to_be_between(model, column_name, quantile, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
{{ dbt_expectations.expression_between(
    model,
    expression=dbt_expectations.percentile_cont(column_name, quantile),
    min_value=min_value,
    max_value=max_value,
    group_by_columns=group_by,
    row_condition=row_condition,
    strictly=strictly,
) }}
{%- endtest %}
