{# The project's vars (dbt_project.yml) with the values this invocation resolved them to. #}
{% macro audited_vars() -%}
    {%- set resolved = {} -%}
    {%- for name in project_var_names() -%}
        {%- do resolved.update({name: var(name)}) -%}
    {%- endfor -%}
    {{ return(resolved) }}
{%- endmacro %}
