{#- A subquery with the rows of one landing-zone file (checked first by raw_file_check): the contract
    columns the file has, under their lower-case names, and the file's path as filename. CSV is read
    in strict mode with the pinned dialect, every column as text; JSON values are taken from each
    object's keys as text; Parquet columns keep their types, BINARY ones decoded as UTF-8. #}
{% macro raw_file_read(file, columns, entity) -%}
    {%- set contract = raw_contract_columns(entity) %}
    {%- set present = [] %}
    {%- for column in columns if column.name | lower in contract %}{% do present.append(column) %}{% endfor %}
    (
        select
            {%- for column in present %}
            {%- set quoted = '"' ~ column.name | replace('"', '""') ~ '"' %}
            {%- if file.format in ['jsonl', 'json'] %}
            doc ->> {{ sql_string_literal('$."' ~ column.name ~ '"') }} as {{ column.name | lower }},
            {%- elif file.format == 'parquet' and column.type == 'BLOB' %}
            decode({{ quoted }}) as {{ column.name | lower }},
            {%- else %}
            {{ quoted if file.format == 'parquet' else '"' ~ column.name | lower ~ '"' }} as {{ column.name | lower }},
            {%- endif %}
            {%- endfor %}
            {{ sql_string_literal(file.path) }} as filename,
        {%- if file.format == 'csv' %}
        from read_csv({{ sql_string_literal(file.path) }}, {{ raw_csv_dialect(file.compression) }},
            header = true, strict_mode = true,
            columns = { {%- for column in columns %}{{ sql_string_literal(column.name | lower) }}: 'varchar'
            {{- ', ' if not loop.last }}{% endfor -%} })
        {%- elif file.format in ['jsonl', 'json'] %}
        from {{ raw_json_documents(file) }}
        {%- elif file.format == 'parquet' %}
        from read_parquet({{ sql_string_literal(file.path) }})
        {%- else %}
            {{ exceptions.raise_compiler_error("raw_file_read: unknown format '" ~ file.format ~ "'") }}
        {%- endif %}
    )
{%- endmacro %}
