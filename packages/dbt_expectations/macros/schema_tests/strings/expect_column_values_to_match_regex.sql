{# Expect every (optionally filtered) non-null value to contain a match for the regular expression. #}
{% test expect_column_values_to_match_regex(model, column_name, regex, row_condition=None, is_raw=False, flags="") -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression=dbt_expectations.regex_match_expression(column_name, regex, is_raw=is_raw, flags=flags),
    row_condition=row_condition,
) }}
{%- endtest %}
