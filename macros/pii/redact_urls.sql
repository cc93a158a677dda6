{#- Replaces URLs that carry a query string or fragment (tokens, tracking ids) with <URL>. Sentence
    punctuation and closing brackets at the end of a URL are not part of it. Only rows with '://' or
    'www.' are searched. #}
{% macro redact_urls(text_expression) -%}
    case
        when regexp_matches({{ text_expression }}, '(?i)://|\bwww\.')
            then {{ redact_candidates(
                text_expression,
                "list_filter(list_transform(
                    regexp_extract_all(" ~ text_expression ~ ", '(?i)\\b(?:https?://|www\\.)[^\\s<>\"]*[?#][^\\s<>\"]*'),
                    lambda url: regexp_replace(url, '[.,;:!?''\")\\]}]+$', '')
                ), lambda url: regexp_matches(url, '[?#].'))",
                '<URL>'
            ) }}
        else {{ text_expression }}
    end
{%- endmacro %}
