{#- Replaces e-mail addresses with <EMAIL>: plain ones (spaces around '@' allowed) and obfuscated
    ones, "name [at] domain [dot] com", "name(at)domain(dot)com" or "name at domain dot com" (the
    spelled-out form needs a spelled "dot" before a known top-level domain, so "look at
    www.example.com" is not an address). An obfuscated address whose domain word was lost, "name
    [at] [dot] example [dot] net", is one too. Only rows with '@' or an "at" are searched. #}
{% macro redact_emails(text_expression) -%}
    {%- set local = '[a-z0-9._%+-]*[a-z0-9_%+-]' %}
    {%- set label = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?' %}
    {%- set bracket_at = '\\s?[\\[({<]\\s?at\\s?[\\])}>]\\s?' %}
    {%- set bracket_dot = '\\s?[\\[({<]\\s?dot\\s?[\\])}>]\\s?' %}
    {%- set spelled_dot = '\\s+dot\\s+' %}
    {%- set any_dot = '(?:\\.|' ~ bracket_dot ~ '|' ~ spelled_dot ~ ')' %}
    {%- set tld = '(?:com|org|net|edu|gov|info|biz|io|co|me|app|dev|eu|uk|de|fr|es|it|nl|pt|be|ch|at|lu|ie|se|no|dk|fi|pl|cz|br|mx|ar|us|ca|au|jp|in)' %}
    {%- set plain = local ~ '\\s?@\\s?' ~ label ~ '(?:\\.' ~ label ~ ')*\\.[a-z]{2,}' %}
    {#- a dot straight after the "at": the word between them was lost #}
    {%- set lost_label = '(?:' ~ bracket_dot ~ ')?' %}
    {%- set bracketed = local ~ '(?:' ~ spelled_dot ~ local ~ ')*' ~ bracket_at ~ lost_label ~ label
        ~ '(?:' ~ any_dot ~ label ~ ')*' ~ any_dot ~ '[a-z]{2,}\\b' %}
    {%- set spelled = local ~ '(?:' ~ spelled_dot ~ local ~ ')*\\s+at(?:\\s+dot)?\\s+' ~ label
        ~ '(?:' ~ any_dot ~ label ~ ')*(?:' ~ spelled_dot ~ '|' ~ bracket_dot ~ ')' ~ tld ~ '\\b' %}
    case
        when contains({{ text_expression }}, '@') or regexp_matches({{ text_expression }}, '(?i)\bat\b')
            then regexp_replace(
                {{ text_expression }},
                {{ sql_string_literal('(?i)\\b(?:' ~ plain ~ '|' ~ bracketed ~ '|' ~ spelled ~ ')') }},
                '<EMAIL>',
                'g'
            )
        else {{ text_expression }}
    end
{%- endmacro %}
