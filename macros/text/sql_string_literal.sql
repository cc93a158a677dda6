{# A value quoted as a SQL string literal (single quotes doubled). #}
{% macro sql_string_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}
