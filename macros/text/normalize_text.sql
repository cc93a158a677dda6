{#- The display normalisation of a text, as one expression: repair_mojibake, decode_html,
    strip_control_characters, fold_unicode, then collapse_whitespace. Each step's result is bound to
    a lambda parameter, so the next step repeats the name `text_step`, not the SQL of the steps before
    it (the steps copy their input several times each: nested directly, the SQL would grow with the
    product of those counts). #}
{% macro normalize_text(text_expression) -%}
    list_transform(list_transform(list_transform(list_transform(
        [{{ repair_mojibake(text_expression) }}],
        lambda text_step: {{ decode_html('text_step') }}),
        lambda text_step: {{ strip_control_characters('text_step') }}),
        lambda text_step: {{ fold_unicode('text_step') }}),
        lambda text_step: {{ collapse_whitespace('text_step') }})[1]
{%- endmacro %}
