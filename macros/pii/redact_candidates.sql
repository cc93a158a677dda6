{#- Replaces every match of a pattern for which a predicate holds (a SQL lambda over the matched
    string) with a placeholder: for PII that a regex alone cannot validate (Luhn, digit counts). #}
{% macro redact_candidates(text_expression, pattern, predicate, placeholder) -%}
    list_reduce(
        list_filter(regexp_extract_all({{ text_expression }}, '{{ pattern }}'), {{ predicate }}),
        lambda redacted, candidate: replace(redacted, candidate, '{{ placeholder }}'),
        {{ text_expression }}
    )
{%- endmacro %}
