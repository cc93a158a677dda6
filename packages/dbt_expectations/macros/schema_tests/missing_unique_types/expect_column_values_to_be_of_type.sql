{# Expect the column's data type (from the adapter catalog) to equal column_type, case-insensitively. #}
{% test expect_column_values_to_be_of_type(model, column_name, column_type) -%}
{{ dbt_expectations._column_type_mismatches(model, column_name, [column_type]) }}
{%- endtest %}
