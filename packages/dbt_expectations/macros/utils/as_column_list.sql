{# Normalise an optional list-of-columns argument (none -> []) and reject a bare string, which upstream would split into characters. #}
{% macro _as_column_list(columns, argument_name="group_by") -%}
{%- if columns is none or columns == [] -%}
    {{ return([]) }}
{%- elif columns is string -%}
    {{ exceptions.raise_compiler_error(
        "`" ~ argument_name ~ "` must be a list of column names, e.g. [" ~ columns ~ "]. Got the string: '" ~ columns ~ "'."
    ) }}
{%- else -%}
    {{ return(columns | list) }}
{%- endif -%}
{%- endmacro %}
