{# Repairs UTF-8 text that was decoded as Windows-1252 (e.g. "donâ€™t" -> "don’t"), only on rows that show the signs of it. #}
{% macro repair_mojibake(text_expression) -%}
    {%- set ns = namespace(expression=text_expression) %}
    {%- for garbled, repaired in text_mojibake_pairs() %}
        {%- set ns.expression = "replace(" ~ ns.expression ~ ", " ~ sql_string_literal(garbled) ~ ", "
            ~ sql_string_literal(repaired) ~ ")" %}
    {%- endfor %}
    case
        when regexp_matches({{ text_expression }}, '[ÃÂâÅ]') then {{ ns.expression }}
        else {{ text_expression }}
    end
{%- endmacro %}
