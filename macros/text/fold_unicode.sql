{#- Unicode NFC, then curly quotes and primes folded to ASCII quotes, hyphens, dashes and the minus
    sign to '-', and every Unicode space (no-break, thin, en/em, ideographic, ...) to a plain space;
    ASCII-only rows are left alone. Both steps are costly and most rows need neither: NFC runs only on
    rows with a character outside the ranges that NFC never changes (Latin-1 and Latin Extended-A/B,
    the general punctuation block but U+2000 and U+2001, which NFC maps to U+2002 and U+2003, and the
    euro sign: none decomposes or composes with its neighbour), and the fold only on rows that hold a
    character it folds. #}
{% macro fold_unicode(text_expression) -%}
    {%- set folds = [
        ("'", [8216, 8217, 8218, 8219, 8242, 8245]),
        ('"', [8220, 8221, 8222, 8223, 8243, 8246]),
        ('-', [8208, 8209, 8210, 8211, 8212, 8213, 8259, 8722, 65112, 65123, 65293]),
        (' ', [160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8239, 8287, 12288]),
    ] %}
    {%- set ns = namespace(source=[], target='', character_class='') %}
    {%- for replacement, code_points in folds %}
        {%- for code_point in code_points %}
            {%- do ns.source.append('chr(' ~ code_point ~ ')') %}
            {%- set ns.target = ns.target ~ replacement %}
            {%- set ns.character_class = ns.character_class ~ '\\x{%X}' | format(code_point) %}
        {%- endfor %}
    {%- endfor %}
    {%- set folded_characters = '[' ~ ns.character_class ~ ']' %}
    {%- set fold_arguments = ns.source | join(' || ') ~ ', ' ~ sql_string_literal(ns.target) %}
    case
        when strlen({{ text_expression }}) = length({{ text_expression }}) then {{ text_expression }}
        when regexp_matches({{ text_expression }}, '[^\x00-\x{24F}\x{2002}-\x{206F}\x{20AC}]')
            then translate(nfc_normalize({{ text_expression }}), {{ fold_arguments }})
        {#- the row is NFC already: nfc_normalize would return it unchanged #}
        when regexp_matches({{ text_expression }}, {{ sql_string_literal(folded_characters) }})
            then translate({{ text_expression }}, {{ fold_arguments }})
        else {{ text_expression }}
    end
{%- endmacro %}
