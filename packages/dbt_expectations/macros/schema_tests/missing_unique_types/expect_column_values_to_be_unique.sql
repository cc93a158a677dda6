{# Expect the non-null (optionally filtered) values of the column to be unique. #}
{% test expect_column_values_to_be_unique(model, column_name, row_condition=None) -%}
{{ dbt_expectations._compound_columns_duplicates(
    model,
    column_list=[column_name],
    quote_columns=False,
    ignore_row_if="all_values_are_missing",
    row_condition=row_condition,
) }}
{%- endtest %}
