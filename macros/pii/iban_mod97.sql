{#- The ISO 13616 check of a compact, upper-case IBAN: the first four characters moved to the end,
    letters read as 10 to 35, the whole taken modulo 97, one character at a time (no big integers).
    1 for a valid IBAN. #}
{% macro iban_mod97(compact_iban) -%}
    list_reduce(
        string_split(substr({{ compact_iban }}, 5) || left({{ compact_iban }}, 4), ''),
        lambda remainder, character: case
            when character between '0' and '9' then (remainder * 10 + ascii(character) - 48) % 97
            else (remainder * 100 + ascii(character) - 55) % 97
        end,
        0
    )
{%- endmacro %}
