{#- True when a string of digits, spaces and dashes holds 13 to 19 digits that pass the Luhn check.
    The digits are taken out once and bound to a lambda parameter: luhn_sum reads them once per
    digit, and taking them out again for each read made card redaction several times slower. #}
{% macro is_luhn_card_number(candidate) -%}
    list_transform(
        [regexp_replace({{ candidate }}, '[^0-9]+', '', 'g')],
        lambda card_digits: length(card_digits) between 13 and 19 and {{ luhn_sum('card_digits') }} = 0
    )[1]
{%- endmacro %}
