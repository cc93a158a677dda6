{#- Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1 (e.g. "donâ€™t" -> "don’t",
    "Â¿CÃ³mo?" -> "¿Cómo?") with the text_mojibake_map pairs, longest garbled form first, plus the
    lower-case form of each pair whose second character is a Latin-1 sign (U+00A0-U+00BF, never a
    letter after ã, â or å) for text lower-cased after it was garbled ("jã¼rgen"). The pairs are
    applied twice so that text garbled in layers comes out fully repaired and a second
    normalisation finds nothing left to do. Only rows that hold a garbled form are touched. #}
{% macro repair_mojibake(text_expression) -%}
    {%- set pairs = [] %}
    {%- set lower_pairs = [] %}
    {%- for garbled, repaired in text_mojibake_pairs() %}
        {%- do pairs.append([garbled, repaired]) %}
        {%- if garbled | length == 2 and garbled[0] in 'ÃÂÅ' and '\u00a0' <= garbled[1] <= '\u00bf' %}
            {%- do lower_pairs.append([garbled | lower, repaired | lower]) %}
        {%- endif %}
    {%- endfor %}
    {%- set ns = namespace(expression=text_expression) %}
    {%- for repair_pass in range(2) %}
        {%- for garbled, repaired in pairs + lower_pairs %}
            {%- set ns.expression = "replace(" ~ ns.expression ~ ", " ~ sql_string_literal(garbled) ~ ", "
                ~ sql_string_literal(repaired) ~ ")" %}
        {%- endfor %}
    {%- endfor %}
    {#- a row that holds none of the garbled forms is left as it is by both passes: the guard is
        those forms (regex metacharacters escaped), so a Portuguese "não" skips the replacements #}
    {%- set garbled_forms = [] %}
    {%- for garbled, repaired in pairs + lower_pairs %}
        {%- do garbled_forms.append(regex_literal(garbled)) %}
    {%- endfor %}
    case
        when regexp_matches({{ text_expression }}, {{ sql_string_literal(garbled_forms | join('|')) }})
            then {{ ns.expression }}
        else {{ text_expression }}
    end
{%- endmacro %}
