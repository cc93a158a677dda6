{# Replaces URLs that carry a query string or fragment (tokens, tracking ids) with <URL>. #}
{% macro redact_urls(text_expression) -%}
    case
        when contains(lower({{ text_expression }}), 'http') or contains(lower({{ text_expression }}), 'www.')
            then regexp_replace(
                {{ text_expression }},
                '(?i)\b(?:https?://|www\.)[^\s<>"]*[?#][^\s<>"]*',
                '<URL>',
                'g'
            )
        else {{ text_expression }}
    end
{%- endmacro %}
