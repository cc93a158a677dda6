{# Warn (never fail compilation) about regex option characters that DuckDB's regexp_matches does not document. #}
{% macro _validate_regex_flags(flags) -%}
{%- set allowed_flags = "cilmnpsg" -%}
{%- for flag in flags -%}
    {%- if flag not in allowed_flags -%}
        {%- do exceptions.warn(
            "dbt_expectations: regex flag '" ~ flag ~ "' is not one of the DuckDB options: "
            ~ (allowed_flags | list | join(", "))
        ) -%}
    {%- endif -%}
{%- endfor -%}
{%- endmacro %}
