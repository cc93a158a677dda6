{#- Unicode NFC, then curly quotes and primes folded to ASCII quotes, hyphens, dashes and the minus
    sign to '-', and every Unicode space (no-break, thin, en/em, ideographic, ...) to a plain space;
    ASCII-only rows are left alone. #}
{% macro fold_unicode(text_expression) -%}
    {%- set folds = [
        ("'", [8216, 8217, 8218, 8219, 8242, 8245]),
        ('"', [8220, 8221, 8222, 8223, 8243, 8246]),
        ('-', [8208, 8209, 8210, 8211, 8212, 8213, 8259, 8722, 65112, 65123, 65293]),
        (' ', [160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8239, 8287, 12288]),
    ] %}
    {%- set ns = namespace(source=[], target='') %}
    {%- for replacement, code_points in folds %}
        {%- for code_point in code_points %}
            {%- do ns.source.append('chr(' ~ code_point ~ ')') %}
            {%- set ns.target = ns.target ~ replacement %}
        {%- endfor %}
    {%- endfor %}
    case
        when strlen({{ text_expression }}) = length({{ text_expression }}) then {{ text_expression }}
        else translate(
            nfc_normalize({{ text_expression }}),
            {{ ns.source | join(' || ') }},
            {{ sql_string_literal(ns.target) }}
        )
    end
{%- endmacro %}
