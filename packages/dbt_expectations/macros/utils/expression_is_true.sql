{# Shared core: select every row (or group) of a model whose expression does not satisfy test_condition. #}
{% macro expression_is_true(model, expression, test_condition="= true", group_by_columns=None, row_condition=None) -%}
{%- set group_columns = dbt_expectations._as_column_list(group_by_columns, "group_by_columns") -%}
with grouped_expression as (

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

),

validation_errors as (

    select grouped_expression.*,
    from grouped_expression
    where not (grouped_expression.expression {{ test_condition }})

)

select validation_errors.*,
from validation_errors
{%- endmacro %}
