{# Expect every (optionally filtered) non-null value to match any (match_on: any) or every (all) LIKE pattern of the list. #}
{% test expect_column_values_to_match_like_pattern_list(model, column_name, like_pattern_list, match_on="any", row_condition=None) -%}
{%- do dbt_expectations._validate_non_empty_list(like_pattern_list, "like_pattern_list", "LIKE patterns") -%}
{%- set connector = " and " if match_on == "all" else " or " -%}
{%- set match_checks = [] -%}
{%- for like_pattern in like_pattern_list -%}
    {%- do match_checks.append(dbt_expectations._like_match_expression(column_name, like_pattern)) -%}
{%- endfor -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression="(" ~ (match_checks | join(connector)) ~ ")",
    row_condition=row_condition,
) }}
{%- endtest %}
