{# Public type helper, as upstream's: the date-and-time type of the adapter, found by adapter.dispatch. #}
{% macro type_datetime() -%}
    {{ return(adapter.dispatch('type_datetime', 'dbt_expectations')()) }}
{%- endmacro %}
