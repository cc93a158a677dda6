{# Replaces IPv4 addresses (valid octets) and IPv6 addresses (full or '::'-compressed) with <IP>. #}
{% macro redact_ip_addresses(text_expression) -%}
    regexp_replace(
        regexp_replace(
            {{ text_expression }},
            '\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b',
            '<IP>',
            'g'
        ),
        '(?i)\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}(?::[0-9a-f]{1,4}){1,6}\b|\b(?:[0-9a-f]{1,4}:){1,7}:',
        '<IP>',
        'g'
    )
{%- endmacro %}
