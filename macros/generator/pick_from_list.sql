{# The element of a non-empty list chosen by a uniform draw in [0, 1); null for an empty or null list. #}
{% macro pick_from_list(list_expression, uniform_expression) -%}
    ({{ list_expression }})[1 + floor(({{ uniform_expression }}) * len({{ list_expression }}))::integer]
{%- endmacro %}
