{#- The lower-cased column names of one raw file, read from its header (CSV) or its schema (JSON
    Lines, Parquet). The CSV header is read without the sniffer, so that a malformed row further
    down cannot hide it; the strict read in raw_file_select reports that row by file and line. #}
{% macro raw_file_columns(path, file_format) %}
    {%- if file_format == 'csv' %}
        {%- set slots = [] %}
        {%- for i in range(1, 257) %}{% do slots.append("'c" ~ i ~ "': 'varchar'") %}{% endfor %}
        {%- set query %}
            select unnest(list_filter(
                [{% for i in range(1, 257) %}c{{ i }}{{ ', ' if not loop.last }}{% endfor %}],
                lambda cell: cell is not null
            ))
            from (
                select *
                from read_csv({{ sql_string_literal(path) }}, auto_detect = false, header = false,
                    delim = ',', quote = '"', escape = '"', null_padding = true, parallel = false,
                    strict_mode = false, ignore_errors = true, columns = { {{ slots | join(', ') }} })
                limit 1
            )
        {%- endset %}
    {%- elif file_format == 'jsonl' %}
        {%- set query -%}
            select column_name from (describe select * from {{ raw_file_read(path, file_format) }})
        {%- endset %}
    {%- elif file_format == 'parquet' %}
        {%- set query -%}
            select column_name from (describe select * from {{ raw_file_read(path, file_format) }})
        {%- endset %}
    {%- else %}
        {{ exceptions.raise_compiler_error("raw_file_columns: unknown format '" ~ file_format ~ "'") }}
    {%- endif %}
    {%- set names = [] %}
    {%- for row in run_query(query).rows %}
        {%- do names.append(row[0] | replace('\ufeff', '') | trim | lower) %}
    {%- endfor %}
    {{ return(names) }}
{% endmacro %}
