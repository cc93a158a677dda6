{#- Replaces every string of a list of validated matches (a SQL list expression; nulls ignored) with
    a placeholder, longest first, so that a match that is a prefix of a longer one cannot leave the
    longer one's tail behind. For PII a regex alone cannot validate (Luhn, mod 97, digit counts). #}
{% macro redact_candidates(text_expression, candidates_expression, placeholder) -%}
    list_reduce(
        list_reverse_sort(list_transform(
            list_distinct(list_filter({{ candidates_expression }}, lambda candidate: length(candidate) > 0)),
            lambda candidate: {'candidate_length': length(candidate), 'candidate': candidate}
        )),
        lambda redacted, match: replace(redacted, match.candidate, '{{ placeholder }}'),
        {{ text_expression }}
    )
{%- endmacro %}
