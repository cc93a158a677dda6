{#- Decodes HTML character references (named, decimal and hexadecimal) twice, so that doubly escaped
    text (`&amp;lt;`) is fully decoded and a second normalisation finds nothing left, then replaces
    real HTML tags and comments with a space. Only names of HTML elements count as tags: `<3`,
    `a < b` and placeholders such as `<EMAIL>` survive. Only rows that contain '<' or '&' are touched. #}
{% macro decode_html(text_expression) -%}
    {%- set elements = [
        'a', 'abbr', 'address', 'article', 'aside', 'b', 'big', 'blockquote', 'body', 'br', 'button',
        'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em',
        'figcaption', 'figure', 'font', 'footer', 'form', 'h[1-6]', 'head', 'header', 'hr', 'html', 'i',
        'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'li', 'link', 'main', 'mark', 'meta', 'nav',
        'o:p', 'ol', 'p', 'pre', 'q', 's', 'script', 'section', 'small', 'span', 'strike', 'strong',
        'style', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'tt', 'u',
        'ul', 'wbr',
    ] %}
    {%- set tag_pattern = '(?i)<!--.*?-->|<!doctype[^<>]*>|</?(?:' ~ elements | join('|') ~ ')(?:\\s[^<>]*)?/?>' %}
    case
        when contains({{ text_expression }}, '<') or contains({{ text_expression }}, '&') then regexp_replace(
            {{ decode_html_entities(decode_html_entities(text_expression)) }},
            {{ sql_string_literal(tag_pattern) }},
            ' ',
            'g'
        )
        else {{ text_expression }}
    end
{%- endmacro %}
