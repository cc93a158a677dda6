{#- The list of IBANs valid under the mod-97 check found in a text (spaced or compact, any case):
    an independent check for the tests, which looks at every IBAN-shaped string whole. #}
{% macro valid_ibans_in(text_expression) -%}
    list_filter(
        regexp_extract_all({{ text_expression }}, '(?i)\b[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,8}(?: ?[a-z0-9]{1,4})?\b'),
        lambda iban_candidate: {{ iban_lengths() }}[upper(left(iban_candidate, 2))] is not null
        and length(replace(iban_candidate, ' ', '')) >= {{ iban_lengths() }}[upper(left(iban_candidate, 2))]
        and {{ iban_mod97(
            "upper(left(replace(iban_candidate, ' ', ''), " ~ iban_lengths() ~ "[upper(left(iban_candidate, 2))]))"
        ) }} = 1
    )
{%- endmacro %}
