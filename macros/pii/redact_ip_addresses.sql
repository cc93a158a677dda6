{#- Replaces IPv4 addresses (four valid octets) and IPv6 addresses (full, '::'-compressed, or
    starting with '::') with <IP>. Three-part version numbers, clock times and MAC addresses are not
    IP addresses. Each pattern runs only on rows that show its separator. #}
{% macro redact_ip_addresses(text_expression) -%}
    {%- set octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)' %}
    {%- set ipv4 = '\\b' ~ octet ~ '(?:\\.' ~ octet ~ '){3}\\b' %}
    {%- set ipv6 = '(?i)\\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\\b'
        ~ '|\\b(?:[0-9a-f]{1,4}:){1,6}(?::[0-9a-f]{1,4}){1,6}\\b'
        ~ '|\\b(?:[0-9a-f]{1,4}:){1,7}:' %}
    {%- set ipv6_leading = '(?i)(^|[^0-9a-z:])::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4}\\b' %}
    {%- set with_ipv6 -%}
        case
            when regexp_matches({{ text_expression }}, '(?i)[0-9a-f]:[0-9a-f]{0,4}:|::[0-9a-f]')
                then regexp_replace(
                    regexp_replace({{ text_expression }}, {{ sql_string_literal(ipv6_leading) }}, '\1<IP>', 'g'),
                    {{ sql_string_literal(ipv6) }},
                    '<IP>',
                    'g'
                )
            else {{ text_expression }}
        end
    {%- endset %}
    case
        when regexp_matches({{ text_expression }}, '\d\.\d{1,3}\.\d')
            then regexp_replace({{ with_ipv6 }}, {{ sql_string_literal(ipv4) }}, '<IP>', 'g')
        else {{ with_ipv6 }}
    end
{%- endmacro %}
