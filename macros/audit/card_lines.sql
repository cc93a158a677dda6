{# A card section's fixed lines as (section, sort_key, line) rows, from a list of (sort key, text) pairs. #}
{% macro card_lines(section, lines) -%}
    select
        {{ section }} as section,
        fixed_lines.sort_key,
        fixed_lines.line,
    from (
        values
        {%- for sort_key, line in lines %}
        ({{ sql_string_literal(sort_key) }}, {{ sql_string_literal(line) }}){{ ',' if not loop.last }}
        {%- endfor %}
    ) as fixed_lines (sort_key, line)
{%- endmacro %}
