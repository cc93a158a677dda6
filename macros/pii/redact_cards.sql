{#- Replaces payment card numbers with <CARD>: 13 to 19 digits, compact or grouped by spaces or
    dashes (mixed too), that pass the Luhn check. A run of grouped digits is tried whole, then without
    a short group at its end (1-4 digits) or start (1-3 digits), so a card followed by its CVV or
    expiry ("4111 1111 1111 1111 123") or preceded by a short number is still found, while a
    Luhn-invalid order or tracking number is kept. Digits that continue an IBAN-like head ("DE89
    3704 ...", "GB12 WEST 1234 ...", left by the IBAN step because their check fails) are not a card. Patterns written as Jinja strings double their
    backslashes. #}
{% macro redact_cards(text_expression) -%}
    case
        when regexp_matches({{ text_expression }}, '\d(?:[ -]?\d){12}')
            then {{ redact_candidates(
                text_expression,
                "list_transform(
                    regexp_extract_all(" ~ text_expression ~ ", '(?:\\b[A-Za-z]{2}\\d{2}(?: [A-Za-z0-9]{4})* )?\\b\\d(?:[ -]?\\d){12,}\\b'),
                    lambda run: case when not regexp_matches(run, '^[A-Za-z]') then list_filter(
                        [
                            run,
                            regexp_replace(run, '[ -]\\d{1,4}$', ''),
                            regexp_replace(run, '^\\d{1,3}[ -]', ''),
                            regexp_replace(regexp_replace(run, '[ -]\\d{1,4}$', ''), '^\\d{1,3}[ -]', '')
                        ],
                        lambda candidate: " ~ is_luhn_card_number('candidate') ~ "
                    )[1] end
                )",
                '<CARD>'
            ) }}
        else {{ text_expression }}
    end
{%- endmacro %}
