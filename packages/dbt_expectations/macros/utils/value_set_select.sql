{# Render a `select ... as value_field union all ...` relation holding every value of a value_set. #}
{% macro _value_set_select(value_set, quote_values=True, cast_as=None) -%}
{%- if value_set is string or value_set is none or (value_set | length) == 0 -%}
    {{ exceptions.raise_compiler_error(
        "`value_set` must be a non-empty list of values. Got: '" ~ value_set ~ "'."
    ) }}
{%- endif -%}
{%- for value in value_set %}
    select {{ dbt_expectations._value_literal(value, quote_values, cast_as) }} as value_field,
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
{%- endmacro %}
