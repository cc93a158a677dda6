{#- Reads one landing-zone file in full before the model uses it and stops the build on the first
    thing that cannot be read, with an error that names the file and the line (or element, row or
    column) but never quotes the row, which may hold personal data: CSV rows that do not parse or
    are not UTF-8 (collected in DuckDB's rejects tables instead of its error, which prints the row),
    JSON lines that are not JSON objects, contract keys whose JSON value is not a string (or a
    number, for confidence), Parquet contract columns of another type, and Parquet BINARY values
    that are not valid UTF-8. #}
{% macro raw_file_check(file, columns, entity, label) %}
    {%- set where = "Raw file '" ~ file.path ~ "' (source " ~ label ~ ")" %}
    {%- set not_quoted = " (The row is not quoted: raw rows may hold personal data.)" %}
    {%- set contract = raw_contract_columns(entity) %}
    {%- set present = [] %}
    {%- for column in columns if column.name | lower in contract %}{% do present.append(column) %}{% endfor %}

    {#- 1. The CSV reader, on CSV files and on the lines of JSON Lines files. #}
    {%- if file.format in ['csv', 'jsonl'] %}
        {%- set suffix = label | replace('.', '_') %}
        {%- set scan_table = 'raw_rejects_scan_' ~ suffix %}
        {%- set error_table = 'raw_rejects_errors_' ~ suffix %}
        {%- do run_query('drop table if exists ' ~ error_table) %}
        {%- do run_query('drop table if exists ' ~ scan_table) %}
        {%- if file.format == 'csv' %}
            {%- set names = columns | map(attribute='name') | map('lower') | list %}
            {%- set header = 'true' %}
        {%- else %}
            {%- set names = ['line'] %}
            {%- set header = 'false' %}
        {%- endif %}
        {%- set query %}
            select
                count(*),
                {%- for name in names %}
                max(length("{{ name | replace('"', '""') }}")),
                {%- endfor %}
            from read_csv({{ sql_string_literal(file.path) }},
                {{ raw_csv_dialect(file.compression, split_lines=file.format == 'jsonl') }},
                header = {{ header }}, strict_mode = true,
                columns = { {%- for name in names %}{{ sql_string_literal(name) }}: 'varchar'
                {{- ', ' if not loop.last }}{% endfor -%} },
                store_rejects = true, rejects_scan = '{{ scan_table }}', rejects_table = '{{ error_table }}')
        {%- endset %}
        {%- do run_query(query) %}
        {%- set rejected = run_query(
            'select line, column_name, error_type from ' ~ error_table ~ ' order by line, column_idx limit 1').rows %}
        {%- do run_query('drop table if exists ' ~ error_table) %}
        {%- do run_query('drop table if exists ' ~ scan_table) %}
        {%- if rejected %}
            {%- set line, column_name, error_type = rejected[0] %}
            {%- if file.format == 'csv' and line > 2 %}
                {#- DuckDB counts a record as one line: add the line breaks inside the quoted fields
                    of the records before the bad one, so the line is the file's own. #}
                {%- set query %}
                    select coalesce(sum(breaks), 0)
                    from (
                        select
                            row_number() over () as record_number,
                            {%- for name in names %}
                            coalesce(length("{{ name | replace('"', '""') }}")
                                - length(replace("{{ name | replace('"', '""') }}", chr(10), '')), 0)
                            {{- ' +' if not loop.last }}
                            {%- endfor %} as breaks,
                        from read_csv({{ sql_string_literal(file.path) }}, {{ raw_csv_dialect(file.compression) }},
                            header = true, strict_mode = true, ignore_errors = true, parallel = false,
                            columns = { {%- for name in names %}{{ sql_string_literal(name) }}: 'varchar'
                            {{- ', ' if not loop.last }}{% endfor -%} })
                    )
                    where record_number < {{ line - 1 }}
                {%- endset %}
                {%- set line = line + run_query(query).rows[0][0] | int %}
            {%- endif %}
            {%- set reasons = {
                'INVALID ENCODING': 'the bytes are not valid UTF-8 (re-save the file as UTF-8)',
                'LINE SIZE OVER MAXIMUM': 'the line is longer than 64 MiB',
                'UNQUOTED VALUE': 'a quoted field is not closed, or a quote stands inside an unquoted field',
                'TOO MANY COLUMNS': 'the row has more fields than the header',
                'MISSING COLUMNS': 'the row has fewer fields than the header',
            } %}
            {{ exceptions.raise_compiler_error(
                where ~ " cannot be read: line " ~ line
                ~ (", column " ~ column_name if column_name and file.format == 'csv' else "")
                ~ ": " ~ reasons.get(error_type, error_type | lower) ~ "." ~ not_quoted) }}
        {%- endif %}
    {%- endif %}

    {#- 2. JSON: one object per line (or array element), string values (numbers allowed for confidence). #}
    {%- if file.format == 'json' %}
        {%- set top = run_query(
            'select json_type(try(json(content))) from read_text(' ~ sql_string_literal(file.path) ~ ')').rows %}
        {%- if top[0][0] is none %}
            {{ exceptions.raise_compiler_error(where ~ " is not valid JSON (a .json file holds one JSON array of objects).") }}
        {%- elif top[0][0] != 'ARRAY' %}
            {{ exceptions.raise_compiler_error(
                where ~ " holds a JSON " ~ top[0][0] | lower ~ ", not an array of objects (use .jsonl for one object per line).") }}
        {%- endif %}
    {%- endif %}
    {%- if file.format in ['jsonl', 'json'] %}
        {%- set unit = 'line' if file.format == 'jsonl' else 'element' %}
        {%- set query %}
            select position, problem
            from (
                select
                    position,
                    case
                        when doc is null then 'is not valid JSON'
                        when json_type(doc) != 'OBJECT' then 'is a JSON ' || lower(json_type(doc)) || ', not an object'
                        {%- for column in present %}
                        {%- set allowed = ['VARCHAR', 'NULL'] + (['BIGINT', 'UBIGINT', 'DOUBLE'] if column.name | lower == 'confidence' else []) %}
                        {%- set value_type = "coalesce(json_type(doc, " ~ sql_string_literal('$."' ~ column.name ~ '"') ~ "), 'NULL')" %}
                        when {{ value_type }} not in ('{{ allowed | join("', '") }}')
                            then {{ sql_string_literal('key "' ~ column.name ~ '" holds a JSON ') }} || lower({{ value_type }})
                                || {{ sql_string_literal(' where ' ~ ('a number or a string' if column.name | lower == 'confidence' else 'a string') ~ ' is expected') }}
                        {%- endfor %}
                    end as problem,
                from {{ raw_json_documents(file) }}
            )
            where problem is not null
            order by position
            limit 1
        {%- endset %}
        {%- set found = run_query(query).rows %}
        {%- if found %}
            {{ exceptions.raise_compiler_error(
                where ~ " cannot be read: " ~ unit ~ " " ~ found[0][0] ~ " " ~ found[0][1] ~ "." ~ not_quoted) }}
        {%- endif %}
    {%- endif %}

    {#- 3. Parquet: contract column types, and BINARY columns that must decode as UTF-8. #}
    {%- if file.format == 'parquet' %}
        {%- for column in present %}
            {%- set name = column.name | lower %}
            {%- set column_type = column.type | upper %}
            {%- if name == 'confidence' %}
                {%- set ok = modules.re.match('^(VARCHAR|BLOB|FLOAT|DOUBLE|DECIMAL.*|U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$', column_type) %}
                {%- set wanted = 'a number or a string' %}
            {%- elif name in ['created_at', 'annotated_at'] %}
                {%- set ok = modules.re.match('^(VARCHAR|BLOB|DATE|TIMESTAMP.*)$', column_type) %}
                {%- set wanted = 'a timestamp or a string' %}
            {%- else %}
                {%- set ok = column_type in ['VARCHAR', 'BLOB'] %}
                {%- set wanted = 'a string' %}
            {%- endif %}
            {%- if not ok %}
                {{ exceptions.raise_compiler_error(
                    where ~ " cannot be read: column " ~ column.name ~ " is " ~ column.type ~ ", where " ~ wanted
                    ~ " is expected (see data/raw/README.md).") }}
            {%- endif %}
        {%- endfor %}
        {%- set binary = present | selectattr('type', 'equalto', 'BLOB') | list %}
        {%- if binary %}
            {%- set query %}
                select file_row_number + 1, column_name
                from (
                    select
                        file_row_number,
                        case
                            {%- for column in binary %}
                            when "{{ column.name }}" is not null and try(decode("{{ column.name }}")) is null
                                then {{ sql_string_literal(column.name) }}
                            {%- endfor %}
                        end as column_name,
                    from read_parquet({{ sql_string_literal(file.path) }}, file_row_number = true)
                )
                where column_name is not null
                order by file_row_number
                limit 1
            {%- endset %}
            {%- set found = run_query(query).rows %}
            {%- if found %}
                {{ exceptions.raise_compiler_error(
                    where ~ " cannot be read: row " ~ found[0][0] ~ ", column " ~ found[0][1]
                    ~ ": the BINARY value is not valid UTF-8 text." ~ not_quoted) }}
            {%- endif %}
        {%- endif %}
    {%- endif %}
{% endmacro %}
