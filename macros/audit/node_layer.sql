{# The layer of a node: its folder under models/, python_models/ or tests/ (`seeds` for the seeds' folder). #}
{% macro node_layer(node) -%}
    {%- set parts = (node.original_file_path | default('', true)).replace('\\', '/').split('/') -%}
    {%- if parts | length > 2 and parts[0] in ('models', 'python_models', 'tests') -%}
        {{ parts[1] }}
    {%- else -%}
        {{ parts[0] or node.resource_type }}
    {%- endif -%}
{%- endmacro %}
