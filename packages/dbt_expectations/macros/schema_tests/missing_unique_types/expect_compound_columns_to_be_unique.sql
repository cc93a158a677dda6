{# Expect the combination of the listed columns to be unique (e.g. a multi-column primary key). #}
{% test expect_compound_columns_to_be_unique(model, column_list, quote_columns=False, ignore_row_if="all_values_are_missing", row_condition=None) -%}
{{ dbt_expectations._compound_columns_duplicates(
    model,
    column_list=column_list,
    quote_columns=quote_columns,
    ignore_row_if=ignore_row_if,
    row_condition=row_condition,
) }}
{%- endtest %}
