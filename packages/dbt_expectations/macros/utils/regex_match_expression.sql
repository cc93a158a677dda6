{# Render a boolean DuckDB expression that is true when source_value contains a match for regex (null stays null). #}
{% macro regex_match_expression(source_value, regex, is_raw=False, flags="") -%}
{#- DuckDB string literals never interpret backslashes, so every pattern is already "raw": is_raw needs no rewriting. -#}
{%- if flags -%}
    {%- do dbt_expectations._validate_regex_flags(flags) -%}
{%- endif -%}
regexp_matches({{ source_value }}, '{{ regex | replace("'", "''") }}'{% if flags %}, '{{ flags }}'{% endif %})
{%- endmacro %}
