{#- One row per non-blank line of a JSON Lines file (position = its line number) or per element of
    a JSON array file (position = its element number), with the parsed document in doc, null when
    the line is not valid JSON. Lines are split by the CSV reader on a control character JSON never
    holds unescaped, so compressed files read alike and line numbers are the file's own. Lines the
    CSV reader rejects (not UTF-8, too long) are left out here: raw_file_check reports them first. #}
{% macro raw_json_documents(file) -%}
    {%- if file.format == 'jsonl' -%}
        (
            select
                line_number as position,
                try(json(line)) as doc,
            from (
                select
                    line,
                    row_number() over () as line_number,
                from read_csv({{ sql_string_literal(file.path) }}, {{ raw_csv_dialect(file.compression, split_lines=true) }},
                    header = false, ignore_errors = true, columns = {'line': 'varchar'})
            )
            where nullif(trim(line), '') is not null
        )
    {%- elif file.format == 'json' -%}
        (
            select
                generate_subscripts(elements, 1) as position,
                unnest(elements) as doc,
            from (
                select from_json(try(json(content)), '["json"]') as elements
                from read_text({{ sql_string_literal(file.path) }})
            )
        )
    {%- else -%}
        {{ exceptions.raise_compiler_error("raw_json_documents: not a JSON file: '" ~ file.path ~ "'") }}
    {%- endif -%}
{%- endmacro %}
