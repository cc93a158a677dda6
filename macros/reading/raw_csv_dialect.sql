{#- The pinned read_csv options of every landing-zone read: no sniffing, the file's compression and
    a maximum line size well above any text the pipeline keeps (a longer text is quarantined as
    text_too_long instead of stopping the reader), with a read buffer of twice that line size (DuckDB's
    default, 16 times the line size, is 1 GiB per reader: more than the profile's memory_limit allows
    when several files are read at once). CSV files use `,` `"` with doubled quotes. With
    split_lines, whole lines are read as one field (a control character JSON never holds unescaped
    is the delimiter, no quoting) by one thread, so rows come in file order. (CSV files are not read
    by one thread: DuckDB's single-threaded reader drops a quote left open at the end of the file.) #}
{% macro raw_csv_dialect(compression, split_lines=false) -%}
    auto_detect = false, compression = '{{ compression }}', max_line_size = 67108864,
    buffer_size = 134217728,
    {%- if split_lines %}
    delim = chr(1), quote = '', escape = '', parallel = false
    {%- else %}
    delim = ',', quote = '"', escape = '"'
    {%- endif %}
{%- endmacro %}
