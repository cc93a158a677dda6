{#- A text as a regular expression that matches it literally: each metacharacter escaped with a backslash. #}
{% macro regex_literal(value) -%}
    {%- set escaped = namespace(text=value) %}
    {%- for character in '\\.^$|?*+()[]{}' %}
        {%- set escaped.text = escaped.text | replace(character, '\\' ~ character) %}
    {%- endfor %}
    {{- escaped.text -}}
{%- endmacro %}
