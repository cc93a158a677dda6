{# The date-and-time type on DuckDB: timestamp (as upstream; DuckDB's datetime is an alias of it). #}
{% macro duckdb__type_datetime() -%}
    timestamp
{%- endmacro %}
