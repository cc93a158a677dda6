{#- Replaces phone numbers with <PHONE>: 8 to 15 digits in an international (+), bracketed or
    separated national format, or 10 to 11 bare digits starting with 0 or 1. Dates are left alone. #}
{% macro redact_phone_numbers(text_expression) -%}
    {{ redact_candidates(
        text_expression,
        '(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]?\d{2,5}){1,5}',
        "lambda candidate: length(regexp_replace(candidate, '[^0-9]', '', 'g')) between 8 and 15
            and not regexp_matches(candidate, '^\\d{4}-\\d{2}-\\d{2}$')
            and (
                regexp_matches(candidate, '^[+(]|[ .-]')
                or regexp_matches(candidate, '^[01]\\d{9,10}$')
            )",
        '<PHONE>'
    ) }}
{%- endmacro %}
