{#- The DuckDB table function that reads one raw file with a pinned dialect. CSV is read with a
    fixed delimiter, quote and escape in strict mode and with the columns named by its own header,
    all as text: a malformed row stops the build with DuckDB's message, which names the file and
    the line, instead of being guessed around by the sniffer. #}
{% macro raw_file_read(path, file_format, columns=none) -%}
    {%- if file_format == 'csv' -%}
        read_csv({{ sql_string_literal(path) }}, auto_detect = false, header = true, delim = ',',
            quote = '"', escape = '"', strict_mode = true, filename = true,
            columns = { {%- for column in columns %}{{ sql_string_literal(column) }}: 'varchar'
            {{- ', ' if not loop.last }}{% endfor -%} })
    {%- elif file_format == 'jsonl' -%}
        read_json({{ sql_string_literal(path) }}, format = 'newline_delimited', filename = true)
    {%- elif file_format == 'parquet' -%}
        read_parquet({{ sql_string_literal(path) }}, filename = true)
    {%- else -%}
        {{ exceptions.raise_compiler_error("raw_file_read: unknown format '" ~ file_format ~ "'") }}
    {%- endif -%}
{%- endmacro %}
