{#- Replaces the name in every match of a pattern with <PERSON>, keeping what surrounds it. The
    pattern is three groups and nothing else: the context before the name (a cue), the name, the
    context after it; name_matches is the list of its matches in the text (regexp_extract_all). A
    match is kept as it is when a word of its name (words split at spaces, hyphens and apostrophes,
    compared in lower case) is in the stop-word list: "Thanks, Support Team", "Hallo Lumora-Team".
    Each match is replaced as a whole, cue included, so a name never changes inside a longer word;
    the matches are replaced one after the other, in the order they occur. The three groups of each
    match are the ones the pattern found in the text (regexp_extract_all with a group index, one call
    per group, outside any lambda), so they always make up the match. Until 2026-12-03 they were
    found by matching the pattern again on the match alone, which can split a match differently
    ("BEST REGARDS, ANNELIESE THANKS IN ADVANCE." kept the name). Use it only where name_matches is
    not empty (a case), so the group calls run on the texts that have a match. #}
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
        list_filter(
            list_zip(
                {{ name_matches }},
                {%- for group in range(1, 4) %}
                regexp_extract_all({{ text_expression }}, {{ sql_string_literal(pattern) }}, {{ group }}){{ ',' if not loop.last }}
                {%- endfor %}
            ),
            lambda found: not regexp_matches(lower(found[3]), {{ sql_string_literal(stop_word_pattern) }})
        ),
        lambda redacted, found: replace(redacted, found[1], found[2] || '<PERSON>' || found[4]),
        {{ text_expression }}
    )
{%- endmacro %}
