{# The schema of the append-only audit tables (never a dbt model, so no build ever drops it). #}
{% macro audit_schema() -%}
    {{ target.database }}.audit
{%- endmacro %}
