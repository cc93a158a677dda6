{#- Vertical tab, form feed, next line and the line/paragraph separators become spaces (so words do
    not join); other C0 and C1 control characters, zero-width and bidi format characters, the soft
    hyphen and Unicode noncharacters are removed. Only rows that contain one are rewritten. #}
{% macro strip_control_characters(text_expression) -%}
    case
        when regexp_matches(
            {{ text_expression }},
            '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\x{AD}\x{200B}-\x{200F}\x{2028}-\x{202E}\x{2060}-\x{2069}\x{FEFF}\x{FDD0}-\x{FDEF}]'
        )
            then regexp_replace(
                regexp_replace({{ text_expression }}, '[\x0B\x0C\x{85}\x{2028}\x{2029}]', ' ', 'g'),
                '[\x00-\x08\x0E-\x1F\x7F-\x84\x{86}-\x9F\x{AD}\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2060}-\x{2069}\x{FEFF}\x{FDD0}-\x{FDEF}]',
                '',
                'g'
            )
        else {{ text_expression }}
    end
{%- endmacro %}
