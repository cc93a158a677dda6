{# Path of a file of the export set while it is being built and tested: the folder .staging/ of the export folder. #}
{% macro export_staging_location(file_name) -%}
    {{ export_location('.staging/' ~ file_name) }}
{%- endmacro %}
