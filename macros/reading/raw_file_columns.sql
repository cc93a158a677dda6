{#- The columns of one landing-zone file (a dict from raw_landing_files), each a dict with its name
    as the file writes it (trimmed, byte-order mark removed) and its type: the CSV header (read
    without the sniffer, so that a malformed row further down cannot hide it; every column is
    varchar), the keys of a JSON file's objects (json) or a Parquet file's schema (its types). #}
{% macro raw_file_columns(file) %}
    {%- if file.format == 'csv' %}
        {%- set slots = [] %}
        {%- for i in range(1, 257) %}{% do slots.append("'c" ~ i ~ "': 'varchar'") %}{% endfor %}
        {%- set query %}
            select
                unnest(list_filter(
                    [{% for i in range(1, 257) %}c{{ i }}{{ ', ' if not loop.last }}{% endfor %}],
                    lambda cell: cell is not null
                )),
                'VARCHAR'
            from (
                select *
                from read_csv({{ sql_string_literal(file.path) }}, {{ raw_csv_dialect(file.compression) }},
                    header = false, null_padding = true, strict_mode = false, ignore_errors = true, parallel = false,
                    columns = { {{ slots | join(', ') }} })
                limit 1
            )
        {%- endset %}
    {%- elif file.format in ['jsonl', 'json'] %}
        {%- set query %}
            select key, 'JSON'
            from (
                select unnest(json_keys(doc)) as key, position
                from {{ raw_json_documents(file) }}
                where json_type(doc) = 'OBJECT'
            )
            group by key
            order by min(position), key
        {%- endset %}
    {%- elif file.format == 'parquet' %}
        {%- set query -%}
            select column_name, column_type
            from (describe select * from read_parquet({{ sql_string_literal(file.path) }}))
        {%- endset %}
    {%- else %}
        {{ exceptions.raise_compiler_error("raw_file_columns: unknown format '" ~ file.format ~ "'") }}
    {%- endif %}
    {%- set columns = [] %}
    {%- for row in run_query(query).rows %}
        {%- do columns.append({'name': row[0] | replace('\ufeff', '') | trim, 'type': row[1]}) %}
    {%- endfor %}
    {{ return(columns) }}
{% endmacro %}
