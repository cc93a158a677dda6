{#- Replaces a name that follows a self-introduction cue ("my name is", "je m'appelle", ...) with
    <PERSON>: one to three capitalised words, or two words after the weaker cues "this is" and "I am". #}
{% macro redact_person_names(text_expression) -%}
    regexp_replace(
        regexp_replace(
            {{ text_expression }},
            '\b((?i:my name is|my name''s|name:|je m''appelle|mon nom est|ich heiße|ich heisse|mein name ist|me llamo|mi nombre es|mi chiamo|il mio nome è|mijn naam is|ik heet|meu nome é|chamo-me|me chamo)\s+)(?:\p{Lu}[\p{L}''-]+|\p{Lu}{2,})(?:\s+(?:\p{Lu}[\p{L}''-]+|\p{Lu}{2,})){0,2}',
            '\1<PERSON>',
            'g'
        ),
        '\b((?i:this is|i am|i''m|ich bin|je suis|soy|sono|ik ben|eu sou)\s+)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?',
        '\1<PERSON>',
        'g'
    )
{%- endmacro %}
