{#- The rows of every file of a raw-file source's landing-zone folder that its format family reads
    (raw_landing_files: a file no reader knows stops the build, naming it). Each file is checked
    against the raw input contract and read in full first (raw_file_check): a missing required
    column, a row that does not parse or a value of the wrong type stops the build with an error
    naming the file and the column or line, never quoting the row. Optional columns a file lacks
    come back null, and a folder with no such file gives zero rows. #}
{% macro raw_files_relation(source_name, table_name, entity) %}
    {%- do source(source_name, table_name) %}
    {%- set contract = raw_contract_columns(entity) %}
    {%- set required = raw_contract_columns(entity, required_only=true) %}
    {%- set label = source_name ~ '.' ~ table_name %}
    {%- set reads = [] %}
    {%- if execute %}
        {%- set node = graph.sources.values()
            | selectattr('source_name', 'equalto', source_name)
            | selectattr('name', 'equalto', table_name) | first %}
        {%- for file in raw_landing_files(node.meta.raw_folder, node.meta.raw_format) %}
            {%- set columns = raw_file_columns(file) %}
            {%- do raw_file_check(file, columns, entity, label) %}
            {%- set found = columns | map(attribute='name') | map('lower') | list %}
            {%- set missing = required | reject('in', found) | list %}
            {%- if missing %}
                {{ exceptions.raise_compiler_error(
                    "Raw file '" ~ file.path ~ "' (source " ~ label ~ ") is missing the required "
                    ~ "column(s) " ~ missing | join(', ') ~ ". The raw " ~ entity ~ " contract requires "
                    ~ required | join(', ') ~ "; the file has " ~ (found | join(', ') or 'no column') ~ ".") }}
            {%- endif %}
            {%- do reads.append(raw_file_read(file, columns, entity)) %}
        {%- endfor %}
    {%- endif %}
    (
        select
            {%- for column in contract %}
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
