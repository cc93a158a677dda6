{# Expect distinct non-null values / non-null values (optionally per group, optionally filtered) to lie between the bounds. #}
{% test expect_column_proportion_of_unique_values_to_be_between(model, column_name, min_value=None, max_value=None, group_by=None, row_condition=None, strictly=False) -%}
{#- A column without any non-null value counts as fully unique (proportion 1). -#}
{%- set proportion_expression -%}
coalesce(
    cast(count(distinct {{ column_name }}) as {{ dbt.type_float() | lower }}) / nullif(count({{ column_name }}), 0),
    1
)
{%- endset -%}
{{ dbt_expectations.expression_between(
    model,
    expression=proportion_expression,
    min_value=min_value,
    max_value=max_value,
    group_by_columns=group_by,
    row_condition=row_condition,
    strictly=strictly,
) }}
{%- endtest %}
