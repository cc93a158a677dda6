{# The Jaccard similarity of two sets given as lists of distinct values (pass columns, not expressions: each is read once per element). #}
{% macro jaccard_similarity(left_set, right_set) -%}
    (
        len(list_filter({{ left_set }}, lambda shared: list_contains({{ right_set }}, shared)))
        / (
            len({{ left_set }}) + len({{ right_set }})
            - len(list_filter({{ left_set }}, lambda shared: list_contains({{ right_set }}, shared)))
        )
    )
{%- endmacro %}
