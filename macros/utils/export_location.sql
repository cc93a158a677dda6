{# Path of an export file: the folder in PRIVACY_OUTPUT_DIR (default output/) joined with the file name. #}
{% macro export_location(file_name) -%}
    {{ env_var('PRIVACY_OUTPUT_DIR', 'output') | trim | replace('\\', '/') }}/{{ file_name }}
{%- endmacro %}
