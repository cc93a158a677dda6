{#- Garbles text the way one UTF-8 to Windows-1252 mix-up does (the inverse of repair_mojibake), for the
    generator's noise: every character of the text_mojibake_map seed becomes its garbled form, all at
    once, so that no garbled form is garbled again ("É" is "Ã‰", never "Ãâ€°"; "’" is "â€™"). Where
    the seed garbles one character two ways, the longer form (the one that kept its C1 byte) wins. #}
{% macro plant_mojibake(text_expression) -%}
    {%- set garbled_forms = {} %}
    {%- for garbled, repaired in text_mojibake_pairs() if repaired not in garbled_forms %}
        {%- do garbled_forms.update({repaired: garbled}) %}
    {%- endfor %}
    {%- set garbled_map -%}
        map {
            {%- for repaired, garbled in garbled_forms | dictsort %}
            {{ sql_string_literal(repaired) }}: {{ sql_string_literal(garbled) }}{{ ',' if not loop.last }}
            {%- endfor %}
        }
    {%- endset %}
    array_to_string(
        list_transform(
            string_split(replace({{ text_expression }}, '''', '’'), ''),
            lambda text_character: coalesce(({{ garbled_map }})[text_character], text_character)
        ),
        ''
    )
{%- endmacro %}
