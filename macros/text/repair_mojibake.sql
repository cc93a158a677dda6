{#- Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1 (e.g. "donâ€™t" -> "don’t",
    "Â¿CÃ³mo?" -> "¿Cómo?") with the text_mojibake_map pairs, longest garbled form first. The pairs
    are applied twice so that text garbled in layers comes out fully repaired and a second
    normalisation finds nothing left to do. Only rows that show the signs of it are touched. #}
{% macro repair_mojibake(text_expression) -%}
    {%- set ns = namespace(expression=text_expression) %}
    {%- for repair_pass in range(2) %}
        {%- for garbled, repaired in text_mojibake_pairs() %}
            {%- set ns.expression = "replace(" ~ ns.expression ~ ", " ~ sql_string_literal(garbled) ~ ", "
                ~ sql_string_literal(repaired) ~ ")" %}
        {%- endfor %}
    {%- endfor %}
    case
        when regexp_matches({{ text_expression }}, '[ÃÂÅãâå]') then {{ ns.expression }}
        else {{ text_expression }}
    end
{%- endmacro %}
