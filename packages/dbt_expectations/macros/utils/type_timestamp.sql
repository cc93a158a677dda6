{# Public type helper, as upstream's: the timestamp type (without time zone) of the adapter, found by adapter.dispatch. #}
{% macro type_timestamp() -%}
    {{ return(adapter.dispatch('type_timestamp', 'dbt_expectations')()) }}
{%- endmacro %}
