{# The 64-bit hashes of the character k-shingles of a text, as a list: distinct (its shingle set), or
   with distinct=false one per shingle position, a repeated shingle as often as it occurs. #}
{% macro character_shingle_hashes(text_expression, shingle_size, distinct=true) -%}
    {%- set hashes -%}
    list_transform(
        range(1, length({{ text_expression }}) - {{ shingle_size }} + 2),
        lambda shingle_start: hash(substr({{ text_expression }}, shingle_start, {{ shingle_size }}))
    )
    {%- endset -%}
    {{ 'list_distinct(' ~ hashes ~ ')' if distinct else hashes }}
{%- endmacro %}
