{#- Replaces payment card numbers (13 to 19 digits, spaces or dashes allowed) that pass the Luhn check
    with <CARD>. The pattern is a Jinja string: backslashes are doubled, or `\b` would become a
    backspace character and nothing would ever match. #}
{% macro redact_cards(text_expression) -%}
    {{ redact_candidates(
        text_expression,
        '\\b\\d(?:[ -]?\\d){12,18}\\b',
        "lambda candidate: " ~ luhn_sum("regexp_replace(candidate, '[^0-9]', '', 'g')") ~ " = 0",
        '<CARD>'
    ) }}
{%- endmacro %}
