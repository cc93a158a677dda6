{# Replaces US social security numbers written ddd-dd-dddd (area not 000, 666 or 9xx) with <SSN>. #}
{% macro redact_ssns(text_expression) -%}
    regexp_replace(
        {{ text_expression }},
        '\b(?:00[1-9]|0[1-9]\d|[1-578]\d\d|6[0-57-9]\d|66[0-57-9])-\d{2}-\d{4}\b',
        '<SSN>',
        'g'
    )
{%- endmacro %}
