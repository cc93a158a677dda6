{# Return the column names of a relation (from the adapter's catalog), each passed through the transform filter. #}
{% macro _get_column_list(model, transform="upper") -%}
{%- set column_names = [] -%}
{%- for column in adapter.get_columns_in_relation(model) -%}
    {%- do column_names.append(dbt_expectations._transform_name(column.name, transform)) -%}
{%- endfor -%}
{{ return(column_names) }}
{%- endmacro %}
