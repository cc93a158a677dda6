{# A fictitious, well-formed PII value (email, phone, ip, ssn, url, person) drawn from a hash; cards and IBANs need checksums and are built in synthetic_pii_planted. #}
{% macro synthetic_pii_value(pii_type, hash_column, first_name, last_name, service) -%}
    case {{ pii_type }}
        when 'email' then
            lower(strip_accents(replace({{ first_name }}, ' ', '')))
            || ['.', '_', '', '.'][1 + ({{ hash_column }} % 4)::integer]
            || lower(strip_accents(replace({{ last_name }}, ' ', '')))
            || case when ({{ hash_column }} >> 8) % 3 = 0 then ({{ hash_column }} % 97)::varchar else '' end
            || '@'
            || ['example.com', 'example.org', 'mail.example.net', 'inbox.example.co.uk', 'example.de']
                [1 + (({{ hash_column }} >> 16) % 5)::integer]
        when 'phone' then
            case (({{ hash_column }} >> 20) % 9)::integer
                when 0 then '+44 20 7946 ' || {{ random_digits(hash_column, 4) }}
                when 1 then '(415) 555-' || {{ random_digits(hash_column, 4) }}
                when 2 then '+1 415-555-' || {{ random_digits(hash_column, 4) }}
                when 3 then '030 ' || {{ random_digits(hash_column, 7) }}
                when 4 then '+49 30 ' || {{ random_digits(hash_column, 7) }}
                when 5 then '+33 1 ' || substr({{ random_digits(hash_column, 8) }}, 1, 2) || ' '
                    || substr({{ random_digits(hash_column, 8) }}, 3, 2) || ' '
                    || substr({{ random_digits(hash_column, 8) }}, 5, 2) || ' '
                    || substr({{ random_digits(hash_column, 8) }}, 7, 2)
                when 6 then '06 ' || substr({{ random_digits(hash_column, 8) }}, 1, 2) || ' '
                    || substr({{ random_digits(hash_column, 8) }}, 3, 2) || ' '
                    || substr({{ random_digits(hash_column, 8) }}, 5, 2) || ' '
                    || substr({{ random_digits(hash_column, 8) }}, 7, 2)
                when 7 then '+34 612 ' || substr({{ random_digits(hash_column, 6) }}, 1, 3) || ' '
                    || substr({{ random_digits(hash_column, 6) }}, 4, 3)
                else '555.' || substr({{ random_digits(hash_column, 7) }}, 1, 3) || '.'
                    || substr({{ random_digits(hash_column, 7) }}, 4, 4)
            end
        when 'ip' then
            case when ({{ hash_column }} >> 24) % 5 = 0
                then '2001:db8:' || lower(hex((({{ hash_column }} >> 32) % 65536)::integer)) || ':'
                    || lower(hex((({{ hash_column }} >> 48) % 65536)::integer)) || '::'
                    || lower(hex((({{ hash_column }} >> 64) % 65536)::integer))
                else (1 + ({{ hash_column }} >> 32) % 222)::varchar || '.'
                    || ((({{ hash_column }} >> 40) % 256))::varchar || '.'
                    || ((({{ hash_column }} >> 48) % 256))::varchar || '.'
                    || (1 + ({{ hash_column }} >> 56) % 254)::varchar
            end
        when 'ssn' then
            (100 + ({{ hash_column }} >> 32) % 565)::varchar || '-'
            || lpad((1 + ({{ hash_column }} >> 48) % 99)::varchar, 2, '0') || '-'
            || lpad((1 + ({{ hash_column }} >> 64) % 9999)::varchar, 4, '0')
        when 'url' then
            'https://' || lower(strip_accents(regexp_replace({{ service }}, '[^A-Za-z]', '', 'g')))
            || '.example.com/account/verify?token='
            || substr(md5(({{ hash_column }})::varchar), 1, 24)
        else {{ first_name }} || ' ' || {{ last_name }}
    end
{%- endmacro %}
