{# Render a boolean expression: source_value like (not like, when negated) the quote-escaped pattern; null stays null. #}
{% macro _like_match_expression(source_value, like_pattern, negated=False) -%}
{{ source_value }} {{ "not " if negated }}like '{{ like_pattern | string | replace("'", "''") }}'
{%- endmacro %}
