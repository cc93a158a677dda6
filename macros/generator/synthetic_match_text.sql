{# The generator's own view of a planted text as deduplication should see it: the planted PII values replaced by their typed placeholders, lower-cased, whitespace collapsed. #}
{% macro synthetic_match_text(text_expression, planted_pii_expression) -%}
    {#- Collapsing: tab, line feed, form feed and carriage return (with the space, the characters of
        the regex class \s) become spaces, then runs of spaces become one; the regex runs only where
        two spaces meet. The text is bound to a lambda parameter so that it is worked out once. #}
    list_transform(
        [replace(replace(replace(replace(lower(case
            when len({{ planted_pii_expression }}) = 0 then {{ text_expression }}
            else list_reduce(
                {{ planted_pii_expression }},
                lambda masked, pii: replace(masked, pii['pii_value'], '<' || upper(pii['pii_type']) || '>'),
                {{ text_expression }}
            )
        end), chr(9), ' '), chr(10), ' '), chr(12), ' '), chr(13), ' ')],
        lambda spaced: trim(case
            when contains(spaced, '  ') then regexp_replace(spaced, ' {2,}', ' ', 'g')
            else spaced
        end)
    )[1]
{%- endmacro %}
