{# Removes control characters (except tab, newline and carriage return) and zero-width or soft-hyphen characters. #}
{% macro strip_control_characters(text_expression) -%}
    regexp_replace(
        {{ text_expression }},
        '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x{200B}-\x{200D}\x{2060}\x{FEFF}\x{00AD}]',
        '',
        'g'
    )
{%- endmacro %}
