{# A Python value as a SQL literal for the audit rows: null, a number, a timestamp or a quoted string. #}
{% macro audit_literal(value) -%}
    {%- if value is none -%}
        null
    {%- elif value is boolean -%}
        {{ 'true' if value else 'false' }}
    {%- elif value is number -%}
        {{ value }}
    {%- elif value.strftime is defined -%}
        '{{ value.strftime('%Y-%m-%d %H:%M:%S.%f') }}'::timestamp
    {%- else -%}
        '{{ value | string | replace("'", "''") }}'
    {%- endif -%}
{%- endmacro %}
