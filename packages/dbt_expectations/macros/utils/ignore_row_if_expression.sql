{# Render the predicate that keeps a row for multi-column checks: drop it when all (or any) of the columns are null. #}
{% macro ignore_row_if_expression(ignore_row_if, columns) -%}
{%- set allowed_values = ["all_values_are_missing", "any_value_is_missing"] -%}
{%- if ignore_row_if not in allowed_values -%}
    {{ exceptions.raise_compiler_error(
        "`ignore_row_if` must be one of " ~ (allowed_values | join(", ")) ~ ". Got: '" ~ ignore_row_if ~ "'."
    ) }}
{%- endif -%}
{%- set null_checks = [] -%}
{%- for column in columns -%}
    {%- do null_checks.append(column ~ " is null") -%}
{%- endfor -%}
{%- set connector = " and " if ignore_row_if == "all_values_are_missing" else " or " -%}
not ({{ null_checks | join(connector) }})
{%- endmacro %}
