{# The columns of the raw input contract for an entity ('messages' or 'annotations'). #}
{% macro raw_contract_columns(entity) %}
    {%- if entity == 'messages' %}
        {{ return(['message_id', 'text', 'channel', 'locale', 'created_at', 'user_id']) }}
    {%- elif entity == 'annotations' %}
        {{ return(['message_id', 'annotator_id', 'intent', 'confidence', 'annotated_at']) }}
    {%- else %}
        {{ exceptions.raise_compiler_error("raw_contract_columns: unknown entity '" ~ entity ~ "'") }}
    {%- endif %}
{% endmacro %}
