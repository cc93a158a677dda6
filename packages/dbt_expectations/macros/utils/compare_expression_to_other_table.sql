{# Shared core: compare an (optionally grouped) aggregate of a model with the same or another aggregate of a second model. #}
{% macro _compare_expression_to_other_table(
    model,
    expression,
    compare_model=None,
    compare_expression=None,
    group_by=None,
    compare_group_by=None,
    row_condition=None,
    compare_row_condition=None,
    tolerance=0.0,
    tolerance_percent=None
) -%}
{#- Every compare_* argument falls back to its own-model counterpart, as upstream does. -#}
{%- set compare_model = compare_model if compare_model else model -%}
{%- set compare_expression = compare_expression if compare_expression else expression -%}
{%- set compare_row_condition = compare_row_condition if compare_row_condition else row_condition -%}
{%- set group_columns = dbt_expectations._as_column_list(group_by, "group_by") -%}
{%- set compare_group_columns = dbt_expectations._as_column_list(compare_group_by, "compare_group_by") if compare_group_by else group_columns -%}
{%- if (group_columns | length) != (compare_group_columns | length) -%}
    {{ exceptions.raise_compiler_error(
        "`group_by` and `compare_group_by` must list the same number of columns. Got "
        ~ group_columns ~ " and " ~ compare_group_columns ~ "."
    ) }}
{%- endif -%}
{%- set n_group_columns = group_columns | length -%}
with model_expression as (
{{ dbt_expectations._aggregate_select(model, expression, row_condition, group_columns) }}
),

compare_model_expression as (
{{ dbt_expectations._aggregate_select(compare_model, compare_expression, compare_row_condition, compare_group_columns) }}
),

compared as (

    select
        {%- for i in range(1, n_group_columns + 1) %}
        coalesce(model_expression.col_{{ i }}, compare_model_expression.col_{{ i }}) as col_{{ i }},
        {%- endfor %}
        model_expression.expression,
        compare_model_expression.expression as compare_expression,
        abs(
            coalesce(model_expression.expression, 0) - coalesce(compare_model_expression.expression, 0)
        ) as expression_difference,
        abs(
            coalesce(model_expression.expression, 0) - coalesce(compare_model_expression.expression, 0)
        ) / nullif(model_expression.expression * 1.0, 0) as expression_difference_percent,
    from model_expression
    {%- if n_group_columns > 0 %}
    full outer join compare_model_expression
        on
        {%- for i in range(1, n_group_columns + 1) %}
        {{ "and " if not loop.first }}model_expression.col_{{ i }} = compare_model_expression.col_{{ i }}
        {%- endfor %}
    {%- else %}
    cross join compare_model_expression
    {%- endif %}

)

select compared.*,
from compared
where
    {%- if tolerance_percent %}
    compared.expression_difference_percent > {{ tolerance_percent }}
    {%- else %}
    compared.expression_difference > {{ tolerance }}
    {%- endif %}
{%- endmacro %}
