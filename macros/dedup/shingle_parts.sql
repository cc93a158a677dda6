{# A shingle set (a list of distinct 64-bit values) cut into part_count lists by value: a value v
   goes to part v % (part_count x bins_per_part) // bins_per_part, so a value two sets share falls in
   the same part of both and shared_shingle_count can compare the sets part by part. #}
{% macro shingle_parts(set_column, part_count=8, bins_per_part=1) -%}
    [
        {%- for part in range(part_count) %}
            list_filter(
                {{ set_column }},
                lambda shingle_key: shingle_key % {{ part_count * bins_per_part }} // {{ bins_per_part }} = {{ part }}
            ){{ "," if not loop.last }}
        {%- endfor %}
    ]
{%- endmacro %}
