{#- Decodes the common HTML entities and then removes tags (line breaks become spaces), only on
    rows that contain '<' or '&'. #}
{% macro decode_html(text_expression) -%}
    case
        when regexp_matches({{ text_expression }}, '[<&]') then regexp_replace(
            replace(replace(replace(replace(replace(replace(replace(replace(
                {{ text_expression }},
                '&nbsp;', ' '), '&#39;', ''''), '&apos;', ''''), '&quot;', '"'),
                '&lt;', '<'), '&gt;', '>'), '&#160;', ' '), '&amp;', '&'),
            '</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>', ' ', 'g'
        )
        else {{ text_expression }}
    end
{%- endmacro %}
