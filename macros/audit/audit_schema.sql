{# The schema of the append-only audit tables (never a dbt model, so no build ever drops it). #}
{% macro audit_schema() -%}
    {{ adapter.quote(target.database) }}.audit
{%- endmacro %}
