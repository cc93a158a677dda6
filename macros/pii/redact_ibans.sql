{# Replaces IBANs (two letters, two check digits, then 11 to 30 characters, spaced or not) with <IBAN>. #}
{% macro redact_ibans(text_expression) -%}
    regexp_replace(
        {{ text_expression }},
        '(?i)\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b',
        '<IBAN>',
        'g'
    )
{%- endmacro %}
