{#- Replaces the name in every match of a pattern with <PERSON>, keeping what surrounds it. The
    pattern is three groups and nothing else: the context before the name (a cue), the name, the
    context after it; names is the list of the names it finds in the text (regexp_extract_all of
    group 2). A match is kept as it is when a word of its name (words split at spaces, hyphens and
    apostrophes, compared in lower case) is in the stop-word list: "Thanks, Support Team", "Hallo
    Lumora-Team". When no name holds a stop word (most texts), one regexp_replace rewrites every
    match in place, cue and context kept (\1<PERSON>\3). Otherwise each kept match is replaced as a
    whole, cue included, so a name never changes inside a longer word, one after the other in the
    order they occur; its cue and context are the groups the pattern found in the text
    (regexp_extract_all with a group index, one call per group, outside any lambda), so they always
    make up the match. Until 2026-12-03 they were found by matching the pattern again on the match
    alone, which can split a match differently ("BEST REGARDS, ANNELIESE THANKS IN ADVANCE." kept
    the name). Use it only where names is not empty (a case), so the calls run on the texts that
    have a match. #}
{% macro redact_names_in_context(text_expression, names, pattern, stop_words) -%}
    {#- a stop word standing alone between separators (spaces, hyphens, apostrophes) or the ends of the
        lower-cased name: one regex, not a list of the name's words looked up in a list of hundreds. A
        stop word that holds a separator ("i'm") can never be one of the name's words: it is left out. #}
    {%- set separator = "[\\s'-]" %}
    {%- set whole_words = [] %}
    {%- for word in stop_words | unique | sort if "'" not in word and '-' not in word and ' ' not in word %}
        {%- do whole_words.append(regex_literal(word)) %}
    {%- endfor %}
    {%- set stop_word_pattern = '(?:^|' ~ separator ~ ')(?:' ~ whole_words | join('|') ~ ')(?:' ~ separator ~ '|$)' %}
    {%- set stop_word_literal = sql_string_literal(stop_word_pattern) %}
    case
        when len(list_filter({{ names }}, lambda name: regexp_matches(lower(name), {{ stop_word_literal }}))) = 0
            then regexp_replace({{ text_expression }}, {{ sql_string_literal(pattern) }}, '\1<PERSON>\3', 'g')
        else list_reduce(
            list_filter(
                list_zip(
                    regexp_extract_all({{ text_expression }}, {{ sql_string_literal(pattern) }}, 1),
                    {{ names }},
                    regexp_extract_all({{ text_expression }}, {{ sql_string_literal(pattern) }}, 3)
                ),
                lambda found: not regexp_matches(lower(found[2]), {{ stop_word_literal }})
            ),
            lambda redacted, found: replace(
                redacted, found[1] || found[2] || found[3], found[1] || '<PERSON>' || found[3]
            ),
            {{ text_expression }}
        )
    end
{%- endmacro %}
