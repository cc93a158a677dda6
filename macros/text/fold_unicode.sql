{# Unicode NFC, then curly quotes, primes and dashes folded to ASCII and no-break spaces to spaces; ASCII-only rows are left alone. #}
{% macro fold_unicode(text_expression) -%}
    case
        when strlen({{ text_expression }}) = length({{ text_expression }}) then {{ text_expression }}
        else translate(
            nfc_normalize({{ text_expression }}),
            '‘’‚‛′“”„‟–—―' || chr(160) || chr(8239),
            '''''''''''""""---  '
        )
    end
{%- endmacro %}
