{#- The columns of the raw input contract for an entity ('messages' or 'annotations'); with
    required_only, just the ones every raw file must carry (user_id is optional). #}
{% macro raw_contract_columns(entity, required_only=false) %}
    {%- if entity == 'messages' %}
        {%- set columns = ['message_id', 'text', 'channel', 'locale', 'created_at', 'user_id'] %}
        {%- set optional = ['user_id'] %}
    {%- elif entity == 'annotations' %}
        {%- set columns = ['message_id', 'annotator_id', 'intent', 'confidence', 'annotated_at'] %}
        {%- set optional = [] %}
    {%- else %}
        {{ exceptions.raise_compiler_error("raw_contract_columns: unknown entity '" ~ entity ~ "'") }}
    {%- endif %}
    {%- if required_only %}
        {{ return(columns | reject('in', optional) | list) }}
    {%- endif %}
    {{ return(columns) }}
{% endmacro %}
