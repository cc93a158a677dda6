{# Expect the column's data type (from the adapter catalog) to be one of column_type_list, case-insensitively. #}
{% test expect_column_values_to_be_in_type_list(model, column_name, column_type_list) -%}
{{ dbt_expectations._column_type_mismatches(model, column_name, column_type_list) }}
{%- endtest %}
