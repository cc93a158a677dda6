{# Expect the sum over rows of the listed columns (optionally per group) to equal sum_total, a number or a column to sum. #}
{% test expect_multicolumn_sum_to_equal(model, column_list, sum_total, group_by=None, row_condition=None) -%}
{%- if column_list is string or (column_list | length) == 0 -%}
    {{ exceptions.raise_compiler_error(
        "`column_list` must be a non-empty list of columns. Got: '" ~ column_list ~ "'."
    ) }}
{%- endif -%}
{%- set column_sums = [] -%}
{%- for column in column_list -%}
    {%- do column_sums.append("sum(" ~ column ~ ")") -%}
{%- endfor -%}
{#- A numeric sum_total is a literal; anything else is a column (or expression) whose sum is the target. -#}
{%- set target = sum_total if sum_total is number else "sum(" ~ sum_total ~ ")" -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression=(column_sums | join(" + ")) ~ " = " ~ target,
    group_by_columns=group_by,
    row_condition=row_condition,
) }}
{%- endtest %}
