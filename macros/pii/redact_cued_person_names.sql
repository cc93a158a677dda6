{#- The first person-name step: in text with both letter cases, one to three capitalised words after
    a strong cue ("my name is") and two after a weak one ("this is") become <PERSON>; in text written
    in one case, two words after any cue that end the clause and are not common words. The patterns
    come from person_name_patterns; redact_names_in_context then applies the context patterns. #}
{% macro redact_cued_person_names(text_expression, is_mixed_case) -%}
    {%- set patterns = person_name_patterns() %}
    {%- set common_word_list -%}
        [{% for word in patterns['common_words'] %}{{ sql_string_literal(word) }}{{ ', ' if not loop.last }}{% endfor %}]
    {%- endset %}
    {%- set monocase_cued_names -%}
        list_filter(
            regexp_extract_all({{ text_expression }}, {{ sql_string_literal(patterns['monocase_pattern']) }}, 1),
            lambda name: not list_contains({{ common_word_list }}, lower(regexp_extract(name, '^\S+')))
            and not list_contains({{ common_word_list }}, lower(regexp_extract(name, '\S+$')))
        )
    {%- endset %}
    case
        when {{ is_mixed_case }}
            then regexp_replace(
                regexp_replace(
                    {{ text_expression }},
                    {{ sql_string_literal(patterns['strong_cue_pattern']) }},
                    '\1<PERSON>',
                    'g'
                ),
                {{ sql_string_literal(patterns['weak_cue_pattern']) }},
                '\1<PERSON>',
                'g'
            )
        else {{ redact_candidates(text_expression, monocase_cued_names, '<PERSON>') }}
    end
{%- endmacro %}
