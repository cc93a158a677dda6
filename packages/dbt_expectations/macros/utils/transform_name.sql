{# Apply a Jinja filter (by name, e.g. "upper" or "lower") to a column name, character by character as upstream does. #}
{% macro _transform_name(name, transform="upper") -%}
{%- if not transform -%}
    {{ return(name | string) }}
{%- endif -%}
{{ return(name | string | map(transform) | join) }}
{%- endmacro %}
