{# Expect every (optionally filtered) non-null value to match any (match_on: any) or every (all) regex of the list. #}
{% test expect_column_values_to_match_regex_list(model, column_name, regex_list, match_on="any", row_condition=None, is_raw=False, flags="") -%}
{%- do dbt_expectations._validate_non_empty_list(regex_list, "regex_list", "regular expressions") -%}
{%- set connector = " and " if match_on == "all" else " or " -%}
{%- set match_checks = [] -%}
{%- for regex in regex_list -%}
    {%- do match_checks.append(
        dbt_expectations.regex_match_expression(column_name, regex, is_raw=is_raw, flags=flags)
    ) -%}
{%- endfor -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression="(" ~ (match_checks | join(connector)) ~ ")",
    row_condition=row_condition,
) }}
{%- endtest %}
