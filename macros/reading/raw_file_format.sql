{#- How to read one landing-zone file, from its name in any letter case: a dict with the format
    (csv, jsonl, json or parquet) and the compression (none, gzip or zstd), or none when the name
    has no extension the reader knows. #}
{% macro raw_file_format(path) %}
    {%- set name = path.replace('\\', '/').split('/') | last | lower %}
    {%- set known = [
        ('.csv', 'csv', 'none'), ('.csv.gz', 'csv', 'gzip'), ('.csv.zst', 'csv', 'zstd'),
        ('.jsonl', 'jsonl', 'none'), ('.jsonl.gz', 'jsonl', 'gzip'), ('.jsonl.zst', 'jsonl', 'zstd'),
        ('.ndjson', 'jsonl', 'none'), ('.ndjson.gz', 'jsonl', 'gzip'), ('.ndjson.zst', 'jsonl', 'zstd'),
        ('.json', 'json', 'none'),
        ('.parquet', 'parquet', 'none'),
    ] %}
    {%- for suffix, file_format, compression in known %}
        {%- if name.endswith(suffix) and name | length > suffix | length %}
            {{ return({'format': file_format, 'compression': compression}) }}
        {%- endif %}
    {%- endfor %}
    {{ return(none) }}
{% endmacro %}
