{# The timestamp type of adapters without their own implementation (DuckDB among them): timestamp. #}
{% macro default__type_timestamp() -%}
    timestamp
{%- endmacro %}
