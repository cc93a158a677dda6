{#- Replaces phone numbers with <PHONE>: 8 to 15 digits in groups separated by single spaces, dots,
    dashes or slashes, with an optional country code (+49, 0049), area code in brackets ((415),
    (0)89) and extension (ext. 12, x12, #12), that look like a phone number: international (+ or 00),
    bracketed, national with a trunk 0, North American 3-3-4, or 9-digit Iberian/Italian mobile
    3-3-3. Dates (15.01.2024, 2024-01-15, 01/15/2024) are fenced off first with a noncharacter so
    no number can run through them; times and prices have too few digits; digit groups that continue
    an IBAN-like head ("BE80 0002 1518 3689", left by the IBAN step because its check fails) are not
    a phone number. The whole number is replaced, never a part of it. Only rows with 8 digits close
    together are searched. #}
{% macro redact_phone_numbers(text_expression) -%}
    {#- a noncharacter (U+FDD0) put around the parts of a date, and removed at the end #}
    {%- set fence = 'chr(64976)' %}
    {%- set day = '(?:0?[1-9]|[12]\\d|3[01])' %}
    {%- set month = '(?:0?[1-9]|1[0-2])' %}
    {%- set year = '(?:19|20)\\d\\d' %}
    {%- set day_month_year = '\\b(\\d{1,2})([./-])(\\d{1,2})([./-])(' ~ year ~ ')\\b' %}
    {%- set year_month_day = '\\b(' ~ year ~ ')([./-])(' ~ month ~ ')([./-])(' ~ day ~ ')\\b' %}
    {#- the candidates: an IBAN-like head (so that the digits after it are skipped), an optional country
        code, an optional area code in brackets, then up to seven groups of digits and an extension #}
    {%- set iban_head = '(?:\\b[a-z]{2}\\d{2}(?: [a-z0-9]{4})* )?' %}
    {%- set country_code = '(?:(?:\\+|\\b00)\\d{1,3}[ .-]?)?' %}
    {%- set area_code = '(?:\\(\\d{1,5}\\)[ .-]?)?' %}
    {%- set digit_groups = '\\b\\d{1,5}(?:[ ./-]?\\d{1,6}){0,6}\\b' %}
    {%- set extension = '(?:\\s?(?:ext\\.?|x|extension|durchwahl|poste|#)\\s?\\d{1,5}\\b)' %}
    {%- set candidate = '(?i)' ~ iban_head ~ country_code ~ area_code ~ digit_groups ~ extension ~ '?' %}
    {#- the shapes a number (extension removed) must have #}
    {%- set international_or_trunk = '^(?:\\+|00|\\(|0)' %}
    {%- set north_american = '^(?:1[ .-]?)?\\d{3}[ .-]\\d{3}[ .-]\\d{4}$' %}
    {%- set mobile_3_3_3 = '^[3679]\\d{2}[ .-]\\d{3}[ .-]\\d{3,4}$' %}
    {%- set phone_shape = international_or_trunk ~ '|' ~ north_american ~ '|' ~ mobile_3_3_3 %}
    {%- set fenced -%}
        regexp_replace(
            regexp_replace(
                {{ text_expression }},
                {{ sql_string_literal(day_month_year) }},
                {{ fence }} || '\1\2' || {{ fence }} || '\3\4' || {{ fence }} || '\5' || {{ fence }},
                'g'
            ),
            {{ sql_string_literal(year_month_day) }},
            {{ fence }} || '\1\2' || {{ fence }} || '\3\4' || {{ fence }} || '\5' || {{ fence }},
            'g'
        )
    {%- endset %}
    {%- set number -%}
        regexp_replace(candidate, {{ sql_string_literal('(?i)' ~ extension ~ '$') }}, '')
    {%- endset %}
    {%- set phone_numbers -%}
        list_filter(
            regexp_extract_all(fenced_text, {{ sql_string_literal(candidate) }}),
            lambda candidate:
                not regexp_matches(candidate, '^[A-Za-z]')
                and length(regexp_replace({{ number }}, '[^0-9]+', '', 'g')) between 8 and 15
                and regexp_matches({{ number }}, {{ sql_string_literal(phone_shape) }})
        )
    {%- endset %}
    case
        when regexp_matches({{ text_expression }}, '\d(?:[ ./()-]{0,2}\d){7}')
            then list_transform([{{ fenced }}], lambda fenced_text: replace(
                {{ redact_candidates('fenced_text', phone_numbers, '<PHONE>') }},
                {{ fence }},
                ''
            ))[1]
        else {{ text_expression }}
    end
{%- endmacro %}
