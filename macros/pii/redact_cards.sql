{#- Replaces payment card numbers with <CARD>: 13 to 19 digits, compact or grouped by spaces or
    dashes (mixed too), that pass the Luhn check. A run of grouped digits is tried whole, then without
    a short group at its end (1-4 digits) or start (1-3 digits), so a card followed by its CVV or
    expiry ("4111 1111 1111 1111 123") or preceded by a short number is still found, while a
    Luhn-invalid order or tracking number is kept. Digits that continue an IBAN-like head ("DE89
    3704 ...", "GB12 WEST 1234 ...", left by the IBAN step because their check fails) are not a
    card. Only rows with 13 digits in a row (spaces or dashes between them) are searched. #}
{% macro redact_cards(text_expression) -%}
    {#- an IBAN-like head: country code, check digits, groups of four; a run that starts with it is skipped #}
    {%- set iban_head = '(?:\\b[A-Za-z]{2}\\d{2}(?: [A-Za-z0-9]{4})* )?' %}
    {#- 13 digits or more, compact or grouped by spaces or dashes #}
    {%- set digit_run = '\\b\\d(?:[ -]?\\d){12,}\\b' %}
    {#- a short group after the card (CVV, expiry) or before it (a short number) #}
    {%- set group_after = '[ -]\\d{1,4}$' %}
    {%- set group_before = '^\\d{1,3}[ -]' %}
    {%- set without_group_after -%}
        regexp_replace(run, {{ sql_string_literal(group_after) }}, '')
    {%- endset %}
    {%- set cards -%}
        list_transform(
            regexp_extract_all({{ text_expression }}, {{ sql_string_literal(iban_head ~ digit_run) }}),
            lambda run: case when not regexp_matches(run, '^[A-Za-z]') then list_filter(
                [
                    run,
                    {{ without_group_after }},
                    regexp_replace(run, {{ sql_string_literal(group_before) }}, ''),
                    regexp_replace({{ without_group_after }}, {{ sql_string_literal(group_before) }}, '')
                ],
                lambda candidate: {{ is_luhn_card_number('candidate') }}
            )[1] end
        )
    {%- endset %}
    case
        when regexp_matches({{ text_expression }}, '\d(?:[ -]?\d){12}')
            then {{ redact_candidates(text_expression, cards, '<CARD>') }}
        else {{ text_expression }}
    end
{%- endmacro %}
