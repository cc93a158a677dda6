{#- Replaces IBANs with <IBAN>: two letters, two check digits and groups of four (spaced or compact,
    any case), cut to the length of the country's IBAN and valid under the mod-97 check. Cutting at
    the country's length keeps the words after a spaced IBAN ("... 7034 from my bank"); a string of
    the right shape with a wrong check (a typo, an invented account) is kept as written. #}
{% macro redact_ibans(text_expression) -%}
    {#- the compact form and the country's IBAN length are bound to lambda parameters (compact_iban,
        iban_length), so each is worked out once per candidate #}
    {%- set cut = "regexp_extract(candidate, '^(?: ?[A-Za-z0-9]){' || iban_length || '}')" %}
    case
        when regexp_matches({{ text_expression }}, '(?i)\b[a-z]{2}\d{2} ?[a-z0-9]{4}')
            then {{ redact_candidates(
                text_expression,
                "list_transform(
                    regexp_extract_all(" ~ text_expression ~ ", '(?i)\\b[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){2,8}(?: ?[a-z0-9]{1,4})?\\b'),
                    lambda candidate: list_transform(
                        [upper(replace(candidate, ' ', ''))],
                        lambda compact_iban: list_transform(
                            [" ~ iban_lengths() ~ "[left(compact_iban, 2)]],
                            lambda iban_length: case
                                when iban_length is not null
                                    and length(compact_iban) >= iban_length
                                    and regexp_matches(left(compact_iban, iban_length), '^[A-Z]{2}[0-9]{2}[A-Z0-9]+$')
                                    and " ~ iban_mod97('left(compact_iban, iban_length)') ~ " = 1
                                    then " ~ cut ~ "
                            end
                        )[1]
                    )[1]
                )",
                '<IBAN>'
            ) }}
        else {{ text_expression }}
    end
{%- endmacro %}
