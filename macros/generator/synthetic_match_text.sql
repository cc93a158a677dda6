{# The generator's own view of a planted text as deduplication should see it: the planted PII values replaced by their typed placeholders, lower-cased, whitespace collapsed. #}
{% macro synthetic_match_text(text_expression, planted_pii_expression) -%}
    {#- the masked, lower-cased text is bound to a lambda parameter, so that collapse_whitespace, which
        repeats its input, does not repeat the masking; a text with no planted value is not masked #}
    list_transform(
        [lower(case
            when len({{ planted_pii_expression }}) = 0 then {{ text_expression }}
            else list_reduce(
                list_prepend(
                    {{ text_expression }},
                    list_transform(
                        {{ planted_pii_expression }},
                        lambda pii: pii['pii_value'] || chr(0) || '<' || upper(pii['pii_type']) || '>'
                    )
                ),
                lambda masked, replacement: replace(
                    masked, split_part(replacement, chr(0), 1), split_part(replacement, chr(0), 2)
                )
            )
        end)],
        lambda match_step: {{ collapse_whitespace('match_step') }}
    )[1]
{%- endmacro %}
