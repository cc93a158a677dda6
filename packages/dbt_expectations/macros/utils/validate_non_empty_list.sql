{# Raise a compiler error unless a list argument is a non-empty list (a bare string, none or [] would render broken SQL). #}
{% macro _validate_non_empty_list(value, argument_name, item_description="values") -%}
{%- if value is none or value is string or value is mapping or (value | length) == 0 -%}
    {{ exceptions.raise_compiler_error(
        "`" ~ argument_name ~ "` must be a non-empty list of " ~ item_description ~ ". Got: '" ~ value ~ "'."
    ) }}
{%- endif -%}
{%- endmacro %}
