{#- Replaces the name in every match of a pattern with <PERSON>, keeping what surrounds it. The
    pattern has three groups: the context before the name (a cue), the name, the context after it.
    A match is kept as it is when a word of its name (words split at spaces, hyphens and apostrophes,
    compared in lower case) is in the stop-word list: "Thanks, Support Team", "Hallo Lumora-Team".
    Each match is replaced as a whole, cue included, so a name never changes inside a longer word.
    The text is bound to a lambda parameter, so calls can be nested without the SQL doubling. #}
{% macro redact_names_in_context(text_expression, pattern, stop_words) -%}
    list_transform([{{ text_expression }}], lambda name_text: list_reduce(
        list_filter(
            regexp_extract_all(name_text, {{ sql_string_literal(pattern) }}),
            lambda name_match: not list_has_any(
                string_split_regex(lower(regexp_extract(name_match, {{ sql_string_literal(pattern) }}, 2)), '[\s''-]+'),
                [{%- for word in stop_words | unique | sort %}{{ sql_string_literal(word) }}{{ ', ' if not loop.last }}{% endfor -%}]
            )
        ),
        lambda redacted, name_match: replace(
            redacted,
            name_match,
            regexp_replace(name_match, {{ sql_string_literal(pattern) }}, '\1<PERSON>\3')
        ),
        name_text
    ))[1]
{%- endmacro %}
