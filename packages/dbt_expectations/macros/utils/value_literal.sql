{# Render one value of a value_set: a quoted (and quote-escaped) string literal, or the raw value, optionally cast. #}
{% macro _value_literal(value, quote_values=True, cast_as=None) -%}
{%- if quote_values -%}
    {%- set literal = "'" ~ (value | string | replace("'", "''")) ~ "'" -%}
{%- else -%}
    {%- set literal = value | string -%}
{%- endif -%}
{%- if cast_as -%}
cast({{ literal }} as {{ cast_as }})
{%- else -%}
{{ literal }}
{%- endif -%}
{%- endmacro %}
