{# How many values two shingle sets share, given as the part lists of shingle_parts (columns, cut
   the same way): a linear scan per value within its part, part_count times fewer comparisons than
   over the whole sets, and cheaper than list_intersect (a hash set per pair) on lists this short. #}
{% macro shared_shingle_count(left_parts, right_parts, part_count=8) -%}
    (
        {%- for part in range(part_count) %}
            len(list_filter(
                {{ left_parts }}[{{ part + 1 }}],
                lambda shingle_key: list_contains({{ right_parts }}[{{ part + 1 }}], shingle_key)
            )){{ " +" if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
