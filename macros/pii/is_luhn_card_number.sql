{#- True when a string of digits, spaces and dashes holds 13 to 19 digits that pass the Luhn check. #}
{% macro is_luhn_card_number(candidate) -%}
    (
        length(regexp_replace({{ candidate }}, '[^0-9]', '', 'g')) between 13 and 19
        and {{ luhn_sum("regexp_replace(" ~ candidate ~ ", '[^0-9]', '', 'g')") }} = 0
    )
{%- endmacro %}
