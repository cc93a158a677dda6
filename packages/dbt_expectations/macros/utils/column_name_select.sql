{# Render a `select '<name>' as <column_alias> union all ...` relation with one row per (quote-escaped) column name. #}
{% macro _column_name_select(names, column_alias) -%}
{%- for name in names %}
    select cast('{{ name | replace("'", "''") }}' as {{ dbt.type_string() | lower }}) as {{ column_alias }},
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- else %}
    -- no names: an empty relation of the same shape
    select cast(null as {{ dbt.type_string() | lower }}) as {{ column_alias }},
    where false
{%- endfor %}
{%- endmacro %}
