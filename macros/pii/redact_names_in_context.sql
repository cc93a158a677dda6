{#- Replaces the name in every match of a pattern with <PERSON>, keeping what surrounds it. The
    pattern is three groups and nothing else: the context before the name (a cue), the name, the
    context after it; name_matches is the list of its matches in the text (regexp_extract_all). A
    match is kept as it is when a word of its name (words split at spaces, hyphens and apostrophes,
    compared in lower case) is in the stop-word list: "Thanks, Support Team", "Hallo Lumora-Team".
    Each match is replaced as a whole, cue included, so a name never changes inside a longer word;
    the matches are replaced one after the other, in the order they occur. The groups of each match
    are found by matching the pattern again on the match alone, once, in a subquery over the
    matches (these long patterns cost several times more inside a lambda than outside one). When
    the groups make up the whole match (always, in practice) the replacement is put together from
    them; otherwise regexp_replace on the match decides, as it always did. #}
{% macro redact_names_in_context(text_expression, name_matches, pattern, stop_words) -%}
    {#- a stop word standing alone between separators (spaces, hyphens, apostrophes) or the ends of the
        lower-cased name: one regex, not a list of the name's words looked up in a list of hundreds. A
        stop word that holds a separator ("i'm") can never be one of the name's words: it is left out. #}
    {%- set separator = "[\\s'-]" %}
    {%- set whole_words = [] %}
    {%- for word in stop_words | unique | sort if "'" not in word and '-' not in word and ' ' not in word %}
        {%- do whole_words.append(regex_literal(word)) %}
    {%- endfor %}
    {%- set stop_word_pattern = '(?:^|' ~ separator ~ ')(?:' ~ whole_words | join('|') ~ ')(?:' ~ separator ~ '|$)' %}
    list_reduce(
        coalesce(
            (
                select
                    list(
                        {
                            'name_match': name_match,
                            'replacement': case
                                when name_groups.cue || name_groups.name || name_groups.after = name_match
                                    then name_groups.cue || '<PERSON>' || name_groups.after
                                else regexp_replace(name_match, {{ sql_string_literal(pattern) }}, '\1<PERSON>\3')
                            end,
                        }
                        order by match_number
                    )
                from (
                    select
                        name_match,
                        match_number,
                        regexp_extract(
                            name_match, {{ sql_string_literal(pattern) }}, ['cue', 'name', 'after']
                        ) as name_groups,
                    from unnest({{ name_matches }}) with ordinality as found_names (name_match, match_number)
                )
                where not regexp_matches(lower(name_groups.name), {{ sql_string_literal(stop_word_pattern) }})
            ),
            []
        ),
        lambda redacted, name_match: replace(redacted, name_match.name_match, name_match.replacement),
        {{ text_expression }}
    )
{%- endmacro %}
