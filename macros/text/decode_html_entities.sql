{#- One pass of HTML character-reference decoding: every named reference of the list below and every
    decimal (`&#8217;`) or hexadecimal (`&#x27;`) reference to a valid code point becomes its character;
    unknown names stay as written. Only rows that contain '&' are touched. #}
{% macro decode_html_entities(text_expression) -%}
    {%- set named = {
        'amp': 38, 'lt': 60, 'gt': 62, 'quot': 34, 'apos': 39, 'nbsp': 160, 'ensp': 8194, 'emsp': 8195,
        'thinsp': 8201, 'zwnj': 8204, 'zwj': 8205, 'shy': 173, 'hellip': 8230, 'mdash': 8212,
        'ndash': 8211, 'minus': 8722, 'lsquo': 8216, 'rsquo': 8217, 'sbquo': 8218, 'ldquo': 8220,
        'rdquo': 8221, 'bdquo': 8222, 'laquo': 171, 'raquo': 187, 'lsaquo': 8249, 'rsaquo': 8250,
        'bull': 8226, 'middot': 183, 'euro': 8364, 'pound': 163, 'yen': 165, 'cent': 162, 'copy': 169,
        'reg': 174, 'trade': 8482, 'deg': 176, 'sect': 167, 'para': 182, 'times': 215, 'divide': 247,
        'plusmn': 177, 'iexcl': 161, 'iquest': 191, 'ordf': 170, 'ordm': 186, 'frac12': 189,
        'aacute': 225, 'eacute': 233, 'iacute': 237, 'oacute': 243, 'uacute': 250, 'yacute': 253,
        'Aacute': 193, 'Eacute': 201, 'Iacute': 205, 'Oacute': 211, 'Uacute': 218,
        'agrave': 224, 'egrave': 232, 'igrave': 236, 'ograve': 242, 'ugrave': 249,
        'Agrave': 192, 'Egrave': 200, 'acirc': 226, 'ecirc': 234, 'icirc': 238, 'ocirc': 244,
        'ucirc': 251, 'auml': 228, 'euml': 235, 'iuml': 239, 'ouml': 246, 'uuml': 252, 'yuml': 255,
        'Auml': 196, 'Ouml': 214, 'Uuml': 220, 'szlig': 223, 'ntilde': 241, 'Ntilde': 209,
        'ccedil': 231, 'Ccedil': 199, 'atilde': 227, 'otilde': 245, 'aring': 229, 'Aring': 197,
        'oslash': 248, 'Oslash': 216, 'aelig': 230, 'AElig': 198, 'oelig': 339, 'OElig': 338,
    } %}
    {%- set ns = namespace(entries=[]) %}
    {%- for name, code_point in named | dictsort %}
        {%- do ns.entries.append("'&" ~ name ~ ";': chr(" ~ code_point ~ ")") %}
    {%- endfor %}
    case
        when contains({{ text_expression }}, '&') then list_reduce(
            list_distinct(regexp_extract_all(
                {{ text_expression }}, '&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});'
            )),
            lambda decoded, reference: replace(
                decoded,
                reference,
                coalesce(
                    case
                        when reference[2] != '#' then map { {{ ns.entries | join(', ') }} }[reference]
                        when try_cast(
                            case
                                when lower(reference[3]) = 'x' then '0x' || reference[4:-2]
                                else reference[3:-2]
                            end as integer
                        ) between 1 and 1114111
                        and try_cast(
                            case
                                when lower(reference[3]) = 'x' then '0x' || reference[4:-2]
                                else reference[3:-2]
                            end as integer
                        ) not between 55296 and 57343
                            then chr(try_cast(
                                case
                                    when lower(reference[3]) = 'x' then '0x' || reference[4:-2]
                                    else reference[3:-2]
                                end as integer
                            ))
                    end,
                    reference
                )
            ),
            {{ text_expression }}
        )
        else {{ text_expression }}
    end
{%- endmacro %}
