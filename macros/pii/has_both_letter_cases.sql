{#- True when a text has a lower-case letter and an upper-case one outside the PII placeholders
    (<EMAIL>, <PERSON>, ...): capitals then say something about names (redact_cued_person_names). #}
{% macro has_both_letter_cases(text_expression) -%}
    (
        regexp_matches({{ text_expression }}, '\p{Ll}')
        and regexp_matches(
            case
                when contains({{ text_expression }}, '<')
                    then regexp_replace(
                        {{ text_expression }},
                        {{ sql_string_literal('<(?:' ~ person_name_patterns()['placeholders'] ~ ')>') }},
                        '',
                        'g'
                    )
                else {{ text_expression }}
            end,
            '\p{Lu}'
        )
    )
{%- endmacro %}
