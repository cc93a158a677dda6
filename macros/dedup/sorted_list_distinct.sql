{# The distinct values of a sorted list, in order: each element unlike the one before it. Cheaper
   than list_distinct (no hash table) when the list is sorted already. #}
{% macro sorted_list_distinct(sorted_list) -%}
    list_filter(
        {{ sorted_list }}, lambda list_value, value_position: value_position = 1
        or list_value != {{ sorted_list }}[value_position - 1]
    )
{%- endmacro %}
