{# Runs of whitespace (tabs and line breaks included) become one space, ends trimmed; the regex runs only where it has work to do. #}
{% macro collapse_whitespace(text_expression) -%}
    trim(case
        when regexp_matches({{ text_expression }}, '\s\s|[\t\n\r\f\v]')
            then regexp_replace({{ text_expression }}, '\s+', ' ', 'g')
        else {{ text_expression }}
    end)
{%- endmacro %}
