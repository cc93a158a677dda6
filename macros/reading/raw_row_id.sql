{#- A stable key for a raw row: the hash of its file, its values and its occurrence number among
    identical rows of the same file (so that two identical lines still get two keys). The occurrence
    is the `row_occurrence` column of number_identical_rows over the same columns. #}
{% macro raw_row_id(columns) -%}
    md5(json_array(
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        row_occurrence
    )::varchar)
{%- endmacro %}
