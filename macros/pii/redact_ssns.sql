{#- Replaces US social security numbers written ddd-dd-dddd with <SSN>; numbers never issued (area
    000, 666 or 9xx, group 00, serial 0000) are not SSNs. #}
{% macro redact_ssns(text_expression) -%}
    case
        when regexp_matches({{ text_expression }}, '\d{3}-\d{2}-\d{4}')
            then regexp_replace(
                {{ text_expression }},
                '\b(?:00[1-9]|0[1-9]\d|[1-578]\d\d|6[0-57-9]\d|66[0-57-9])-(?:0[1-9]|[1-9]\d)-(?:000[1-9]|00[1-9]\d|0[1-9]\d\d|[1-9]\d{3})\b',
                '<SSN>',
                'g'
            )
        else {{ text_expression }}
    end
{%- endmacro %}
