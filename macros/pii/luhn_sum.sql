{# Luhn sum (mod 10) of a digit string: 0 for a valid card number; used to validate and to make check digits. #}
{% macro luhn_sum(digits) -%}
    (list_sum(list_transform(
        range(1, length({{ digits }}) + 1),
        lambda i: case
            when (length({{ digits }}) - i) % 2 = 1
                then (substr({{ digits }}, i, 1)::integer * 2) % 10
                    + (substr({{ digits }}, i, 1)::integer * 2) // 10
            else substr({{ digits }}, i, 1)::integer
        end
    )) % 10)
{%- endmacro %}
