{# Expect values not to match a list of LIKE patterns; the per-pattern "no match" checks are or-ed (match_on: any) or and-ed (all). #}
{% test expect_column_values_to_not_match_like_pattern_list(model, column_name, like_pattern_list, match_on="any", row_condition=None) -%}
{%- do dbt_expectations._validate_non_empty_list(like_pattern_list, "like_pattern_list", "LIKE patterns") -%}
{#- Upstream 0.10.x semantics, kept on purpose: "any" joins the no-match checks with `or` (a value fails only when it
    matches every pattern), anything else joins them with `and` (a value fails as soon as it matches one pattern). -#}
{%- set connector = " and " if match_on == "all" else " or " -%}
{%- set no_match_checks = [] -%}
{%- for like_pattern in like_pattern_list -%}
    {%- do no_match_checks.append(dbt_expectations._like_match_expression(column_name, like_pattern, negated=True)) -%}
{%- endfor -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression="(" ~ (no_match_checks | join(connector)) ~ ")",
    row_condition=row_condition,
) }}
{%- endtest %}
