{#- The PII types the pipeline redacts, in the order of the redaction steps (int_messages_redacted):
    each has a placeholder (<URL>, <EMAIL>, ...), a count column (pii_<type>_count) and a feature
    (f_pii_<type>_count). #}
{% macro pii_types() -%}
    {{- return(['url', 'email', 'iban', 'card', 'ssn', 'ip', 'phone', 'person']) }}
{%- endmacro %}
