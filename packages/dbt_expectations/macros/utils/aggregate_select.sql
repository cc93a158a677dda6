{# Render `select <group columns as col_i>, <expression> as expression` over a model, optionally filtered and grouped. #}
{% macro _aggregate_select(model, expression, row_condition=None, group_by=None) -%}
{%- set group_columns = dbt_expectations._as_column_list(group_by, "group_by") -%}
    select
        {%- for group_column in group_columns %}
        {{ group_column }} as col_{{ loop.index }},
        {%- endfor %}
        {{ expression | trim }} as expression,
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_columns %}
    group by
        {%- for group_column in group_columns %}
        {{ group_column }}{{ "," if not loop.last }}
        {%- endfor %}
    {%- endif %}
{%- endmacro %}
