{#- The rows of every file a raw-file source matches, each file read on its own with a pinned
    dialect and checked against the raw input contract first: a file that lacks a required column
    stops the build with an error naming the file and the columns, and a row that does not parse
    stops it with DuckDB's error naming the file and the line. Optional columns a file lacks
    come back null, and a glob that matches no file gives zero rows instead of an error. #}
{% macro raw_files_relation(source_name, table_name, entity) %}
    {%- do source(source_name, table_name) %}
    {%- set columns = raw_contract_columns(entity) %}
    {%- set required = raw_contract_columns(entity, required_only=true) %}
    {%- set reads = [] %}
    {%- if execute %}
        {%- set node = graph.sources.values()
            | selectattr('source_name', 'equalto', source_name)
            | selectattr('name', 'equalto', table_name) | first %}
        {%- set file_format = node.meta.raw_format %}
        {%- set files = run_query(
            'select file from glob(' ~ sql_string_literal(node.meta.raw_glob) ~ ') order by file') %}
        {%- for row in files.rows %}
            {%- set path = row[0] %}
            {%- set found = raw_file_columns(path, file_format) %}
            {%- set missing = required | reject('in', found) | list %}
            {%- if missing %}
                {{ exceptions.raise_compiler_error(
                    "Raw file '" ~ path ~ "' (source " ~ source_name ~ "." ~ table_name ~ ") is missing the required "
                    ~ "column(s) " ~ missing | join(', ') ~ ". The raw " ~ entity ~ " contract requires "
                    ~ required | join(', ') ~ "; the file has " ~ (found | join(', ') or 'no column') ~ ".") }}
            {%- endif %}
            {%- set read = raw_file_read(path, file_format, found) %}
            {#- Scan the file once now, so that a malformed row fails this model, naming file and line. #}
            {%- do run_query('select count(*) from ' ~ read) %}
            {%- do reads.append(read) %}
        {%- endfor %}
    {%- endif %}
    (
        select
            {%- for column in columns %}
            cast(null as varchar) as {{ column }},
            {%- endfor %}
            cast(null as varchar) as filename,
        where false
        {%- for read in reads %}
        union all by name
        select * from {{ read }}
        {%- endfor %}
    )
{%- endmacro %}
