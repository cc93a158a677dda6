{#- Replaces a name that follows a self-introduction cue with <PERSON>, keeping the cue. In text with
    both cases: one to three capitalised (or upper-case) words after a strong cue ("my name is",
    "je m'appelle", ...), two capitalised words after a weak cue ("this is", "I am", ...). In text
    written in one case only (all lower or all upper, placeholders aside), capitals say nothing, so a name is two words
    after any cue that end the clause (punctuation, "and", end of text) and are not common words. #}
{% macro redact_person_names(text_expression) -%}
    {%- set strong_cues = "my name is|my name''s|name:|je m''appelle|mon nom est|ich heiße|ich heisse|mein name ist|me llamo|mi nombre es|mi chiamo|il mio nome è|mijn naam is|ik heet|meu nome é|chamo-me|me chamo" %}
    {%- set placeholders = 'URL|EMAIL|IBAN|CARD|SSN|IP|PHONE|PERSON' %}
    {%- set weak_cues = "this is|i am|i''m|ich bin|je suis|soy|sono|ik ben|eu sou" %}
    {%- set common_words = [
        'a', 'an', 'the', 'my', 'your', 'our', 'his', 'her', 'their', 'this', 'that', 'not', 'no', 'very',
        'so', 'just', 'also', 'really', 'still', 'here', 'there', 'writing', 'asking', 'requesting',
        'exercising', 'going', 'trying', 'on', 'in', 'at', 'of', 'for', 'to', 'with', 'from', 'about',
        'sure', 'fine', 'happy', 'upset', 'tired', 'done', 'wrong', 'spelled', 'misspelled', 'listed',
        'ein', 'eine', 'der', 'die', 'das', 'nicht', 'sehr', 'hier', 'mein', 'meine', 'kein', 'keine',
        'un', 'une', 'le', 'la', 'les', 'très', 'pas', 'ici', 'mon', 'ma', 'el', 'una', 'muy', 'aquí',
        'mi', 'il', 'lo', 'molto', 'non', 'qui', 'mio', 'een', 'de', 'het', 'niet', 'erg', 'zeer',
        'mijn', 'um', 'uma', 'o', 'muito', 'não', 'aqui', 'meu', 'cliente', 'client', 'klant', 'kunde',
        'customer', 'user', 'member',
    ] %}
    {%- set monocase_pattern = "(?i)(?:^|[^\\p{L}])(?:" ~ strong_cues ~ "|" ~ weak_cues ~ ")\\s+(\\p{L}[\\p{L}''-]+\\s+\\p{L}[\\p{L}''-]+)(?:\\s*[,.!?;:]|\\s*$|\\s+(?:and|und|et|y|e|en|from|aus|de)\\b)" %}
    case
        when
            regexp_matches({{ text_expression }}, '\p{Ll}')
            and regexp_matches(
                case
                    when contains({{ text_expression }}, '<')
                        then regexp_replace({{ text_expression }}, '<(?:{{ placeholders }})>', '', 'g')
                    else {{ text_expression }}
                end,
                '\p{Lu}'
            )
            then regexp_replace(
                regexp_replace(
                    {{ text_expression }},
                    '\b((?i:{{ strong_cues }})\s+)(?:\p{Lu}[\p{L}''-]+|\p{Lu}{2,})(?:\s+(?:\p{Lu}[\p{L}''-]+|\p{Lu}{2,})){0,2}',
                    '\1<PERSON>',
                    'g'
                ),
                '\b((?i:{{ weak_cues }})\s+)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?',
                '\1<PERSON>',
                'g'
            )
        when regexp_matches({{ text_expression }}, '(?i)(?:{{ strong_cues }}|{{ weak_cues }})\s')
            then {{ redact_candidates(
                text_expression,
                "list_filter(
                    regexp_extract_all(" ~ text_expression ~ ", '" ~ monocase_pattern ~ "', 1),
                    lambda name: not list_contains(
                        ['" ~ common_words | join("', '") ~ "'],
                        lower(regexp_extract(name, '^\\S+'))
                    )
                    and not list_contains(
                        ['" ~ common_words | join("', '") ~ "'],
                        lower(regexp_extract(name, '\\S+$'))
                    )
                )",
                '<PERSON>'
            ) }}
        else {{ text_expression }}
    end
{%- endmacro %}
