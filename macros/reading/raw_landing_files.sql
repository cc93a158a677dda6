{#- The files of one landing-zone folder that a reader of the given family (csv, jsonl or parquet;
    the jsonl family also reads JSON arrays) must read, each a dict with path, format and
    compression. Every file of the folder is looked at, in any letter case and in subfolders: a file
    no reader knows, or one in a subfolder, stops the build with an error naming it, so that nothing
    dropped in the landing zone is silently left unread. README.md and dotfiles are skipped. #}
{% macro raw_landing_files(folder, family) %}
    {%- set folder = folder.rstrip('/') %}
    {%- set files = run_query('select file from glob(' ~ sql_string_literal(folder ~ '/**') ~ ') order by file') %}
    {%- set selected = [] %}
    {%- for row in files.rows %}
        {%- set path = row[0] %}
        {%- set relative = path.replace('\\', '/')[folder | length + 1:] %}
        {%- set name = relative.split('/') | last %}
        {%- if name.startswith('.') or relative.startswith('.') or (relative | lower == 'readme.md') %}
            {%- continue %}
        {%- endif %}
        {%- set spec = raw_file_format(path) %}
        {%- if '/' in relative %}
            {{ exceptions.raise_compiler_error(
                "Raw file '" ~ path ~ "' is in a subfolder of the landing zone folder '" ~ folder
                ~ "', which is never read: move it up into '" ~ folder ~ "' or out of the landing zone.") }}
        {%- elif spec is none %}
            {{ exceptions.raise_compiler_error(
                "Raw file '" ~ path ~ "' has an extension no reader knows, so it would be left unread. "
                ~ "The landing zone reads .csv, .csv.gz, .csv.zst, .jsonl, .jsonl.gz, .jsonl.zst, .ndjson "
                ~ "(also .gz, .zst), .json (an array of objects) and .parquet, in any letter case: rename or "
                ~ "convert the file, or move it out of '" ~ folder ~ "'.") }}
        {%- endif %}
        {%- if spec.format == family or (family == 'jsonl' and spec.format == 'json') %}
            {%- do selected.append({'path': path, 'format': spec.format, 'compression': spec.compression}) %}
        {%- endif %}
    {%- endfor %}
    {{ return(selected) }}
{% endmacro %}
