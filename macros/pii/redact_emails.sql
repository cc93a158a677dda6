{# Replaces e-mail addresses with <EMAIL>; the regex runs only on rows that contain '@'. #}
{% macro redact_emails(text_expression) -%}
    case
        when contains({{ text_expression }}, '@')
            then regexp_replace(
                {{ text_expression }},
                '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}',
                '<EMAIL>',
                'g'
            )
        else {{ text_expression }}
    end
{%- endmacro %}
