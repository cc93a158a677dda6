{# Expect values not to match a list of regexes; the per-regex "no match" checks are or-ed (match_on: any) or and-ed (all). #}
{% test expect_column_values_to_not_match_regex_list(model, column_name, regex_list, match_on="any", row_condition=None, is_raw=False, flags="") -%}
{%- if regex_list is string or (regex_list | length) == 0 -%}
    {{ exceptions.raise_compiler_error(
        "`regex_list` must be a non-empty list of regular expressions. Got: '" ~ regex_list ~ "'."
    ) }}
{%- endif -%}
{#- Upstream 0.10.x semantics, kept on purpose: "any" joins the no-match checks with `or` (a value fails only when it
    matches every regex), anything else joins them with `and` (a value fails as soon as it matches one regex). -#}
{%- set connector = " and " if match_on == "all" else " or " -%}
{%- set no_match_checks = [] -%}
{%- for regex in regex_list -%}
    {%- do no_match_checks.append(
        "not " ~ dbt_expectations.regex_match_expression(column_name, regex, is_raw=is_raw, flags=flags)
    ) -%}
{%- endfor -%}
{{ dbt_expectations.expression_is_true(
    model,
    expression="(" ~ (no_match_checks | join(connector)) ~ ")",
    row_condition=row_condition,
) }}
{%- endtest %}
