{#- The rows of a raw-file source with every contract column present: optional columns a file
    lacks come back null, and a glob that matches no file gives zero rows instead of an error. #}
{% macro raw_files_relation(source_name, table_name, columns) %}
    {%- set relation = source(source_name, table_name) %}
    {%- set has_files = true %}
    {%- if execute %}
        {%- set node = graph.sources.values()
            | selectattr('source_name', 'equalto', source_name)
            | selectattr('name', 'equalto', table_name) | first %}
        {%- set raw_glob = node.meta.raw_glob %}
        {%- set found = run_query("select count(*) from glob('" ~ raw_glob ~ "')") %}
        {%- set has_files = found.rows[0][0] > 0 %}
    {%- endif %}
    (
        select
            {%- for column in columns %}
            cast(null as varchar) as {{ column }},
            {%- endfor %}
            cast(null as varchar) as filename,
        where false
        {%- if has_files %}
        union all by name
        select * from {{ relation }}
        {%- endif %}
    )
{%- endmacro %}
