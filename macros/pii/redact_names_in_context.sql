{#- Replaces the name in every match of a pattern with <PERSON>, keeping what surrounds it. The
    pattern has three groups: the context before the name (a cue), the name, the context after it.
    A match is kept as it is when a word of its name (words split at spaces, hyphens and apostrophes,
    compared in lower case) is in the stop-word list: "Thanks, Support Team", "Hallo Lumora-Team".
    Each match is replaced as a whole, cue included, so a name never changes inside a longer word;
    the matches are replaced one after the other, in the order they occur. The name and the
    replacement of each match are found by matching the pattern again on the match alone, in a
    subquery over the matches: a regex inside a lambda is compiled again for every chunk of rows,
    which for these long patterns cost more than the matching. The text expression appears twice:
    pass a column. #}
{% macro redact_names_in_context(text_expression, pattern, stop_words) -%}
    list_reduce(
        coalesce(
            (
                select
                    list(
                        {
                            'name_match': name_match,
                            'replacement': regexp_replace(name_match, {{ sql_string_literal(pattern) }}, '\1<PERSON>\3'),
                        }
                        order by match_number
                    )
                from unnest(
                    regexp_extract_all({{ text_expression }}, {{ sql_string_literal(pattern) }})
                ) with ordinality as name_matches (name_match, match_number)
                where not list_has_any(
                    string_split_regex(
                        lower(regexp_extract(name_match, {{ sql_string_literal(pattern) }}, 2)), '[\s''-]+'
                    ),
                    [{%- for word in stop_words | unique | sort %}{{ sql_string_literal(word) }}{{ ', ' if not loop.last }}{% endfor -%}]
                )
            ),
            []
        ),
        lambda redacted, name_match: replace(redacted, name_match.name_match, name_match.replacement),
        {{ text_expression }}
    )
{%- endmacro %}
