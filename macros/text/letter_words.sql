{#- A text's letters-only words in lower case, separated by single spaces, with one space at each
    end: ' a b ' contains ' b ' only where b is a whole word. #}
{% macro letter_words(text_expression) -%}
    ' ' || trim(regexp_replace(lower({{ text_expression }}), '[^\p{L}]+', ' ', 'g')) || ' '
{%- endmacro %}
