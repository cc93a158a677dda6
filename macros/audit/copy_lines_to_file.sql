{# The SQL that writes a query's `line` column, ordered by `line_number`, to a plain text file, byte for byte. #}
{% macro copy_lines_to_file(lines_query, path) -%}
    {#- CSV with one column, no header, no quoting and no escaping writes each value as it is plus a newline -#}
    copy (
        select line from ({{ lines_query }}) as lines order by line_number
    ) to '{{ path }}' (format csv, header false, quote '', escape '', delim ',')
{%- endmacro %}
