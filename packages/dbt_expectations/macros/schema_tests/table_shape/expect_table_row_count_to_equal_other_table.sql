{# Expect the (optionally grouped) row count to equal another relation's row count times factor. #}
{% test expect_table_row_count_to_equal_other_table(model, compare_model, group_by=None, compare_group_by=None, factor=1, row_condition=None, compare_row_condition=None) -%}
{{ dbt_expectations._compare_expression_to_other_table(
    model,
    expression="count(*)",
    compare_model=compare_model,
    compare_expression="count(*) * " ~ factor,
    group_by=group_by,
    compare_group_by=compare_group_by,
    row_condition=row_condition,
    compare_row_condition=compare_row_condition,
) }}
{%- endtest %}
