{# Garbles text the way a UTF-8 to Windows-1252 mix-up does (the inverse of repair_mojibake), for the generator's noise. #}
{% macro plant_mojibake(text_expression) -%}
    {%- set ns = namespace(expression="replace(" ~ text_expression ~ ", '''', '’')") %}
    {%- set pairs = text_mojibake_pairs() | sort(attribute='1') %}
    {#- the euro sign appears inside other garbled forms, so it goes first #}
    {%- for garbled, repaired in pairs if repaired == '€' %}
        {%- set ns.expression = "replace(" ~ ns.expression ~ ", " ~ sql_string_literal(repaired) ~ ", "
            ~ sql_string_literal(garbled) ~ ")" %}
    {%- endfor %}
    {%- for garbled, repaired in pairs if repaired != '€' %}
        {%- set ns.expression = "replace(" ~ ns.expression ~ ", " ~ sql_string_literal(repaired) ~ ", "
            ~ sql_string_literal(garbled) ~ ")" %}
    {%- endfor %}
    {{ ns.expression }}
{%- endmacro %}
