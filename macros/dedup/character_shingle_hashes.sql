{# The distinct 64-bit hashes of the character k-shingles of a text: its shingle set, as a list. #}
{% macro character_shingle_hashes(text_expression, shingle_size) -%}
    list_distinct(list_transform(
        range(1, length({{ text_expression }}) - {{ shingle_size }} + 2),
        lambda shingle_start: hash(substr({{ text_expression }}, shingle_start, {{ shingle_size }}))
    ))
{%- endmacro %}
