{#- A fictitious PII value (email, phone, ip, ssn, url, person) or a hard-negative decoy (date, time,
    version, price, tracking number) drawn from a hash, in many written formats: plain and obfuscated
    e-mails, phones in national and international formats with and without extensions, IPv4 and full
    or compressed IPv6, URLs whose token sits in a query or a fragment. Cards, IBANs, order numbers
    and bad IBANs need checksums and are built in synthetic_pii_planted. #}
{% macro synthetic_pii_value(pii_kind, hash_column, first_name, last_name, service) -%}
    {%- set h = hash_column %}
    {%- set d4 = random_digits(h, 4) %}
    {%- set d8 = random_digits(h, 8) %}
    {%- set local_part -%}
        lower(strip_accents(replace({{ first_name }}, ' ', '')))
        || ['.', '_', '', '.'][1 + ({{ hash_modulo(h, 4) }})::integer]
        || lower(strip_accents(replace({{ last_name }}, ' ', '')))
        || case when {{ hash_modulo(h ~ ' >> 8', 3) }} = 0 then ({{ hash_modulo(h, 97) }})::varchar else '' end
    {%- endset %}
    {%- set domain -%}
        ['example.com', 'example.org', 'mail.example.net', 'inbox.example.co.uk', 'example.de']
            [1 + ({{ hash_modulo(h ~ ' >> 16', 5) }})::integer]
    {%- endset %}
    case {{ pii_kind }}
        when 'email' then
            case ({{ hash_modulo(h ~ ' >> 100', 10) }})::integer
                when 0 then {{ local_part }} || ' at ' || replace({{ domain }}, '.', ' dot ')
                when 1 then {{ local_part }} || ' [at] ' || replace({{ domain }}, '.', ' [dot] ')
                when 2 then {{ local_part }} || '(at)' || replace({{ domain }}, '.', '(dot)')
                when 3 then {{ local_part }} || ' {at} ' || {{ domain }}
                else {{ local_part }} || '@' || {{ domain }}
            end
        when 'phone' then
            case ({{ hash_modulo(h ~ ' >> 20', 24) }})::integer
                when 0 then '+44 20 7946 ' || {{ d4 }}
                when 1 then '(415) 555-' || {{ d4 }}
                when 2 then '+1 415-555-' || {{ d4 }}
                when 3 then '030 ' || substr({{ d8 }}, 1, 7)
                when 4 then '+49 30 ' || substr({{ d8 }}, 1, 7)
                when 5 then '+33 1 ' || substr({{ d8 }}, 1, 2) || ' ' || substr({{ d8 }}, 3, 2) || ' '
                    || substr({{ d8 }}, 5, 2) || ' ' || substr({{ d8 }}, 7, 2)
                when 6 then '06 ' || substr({{ d8 }}, 1, 2) || ' ' || substr({{ d8 }}, 3, 2) || ' '
                    || substr({{ d8 }}, 5, 2) || ' ' || substr({{ d8 }}, 7, 2)
                when 7 then '+34 612 ' || substr({{ d8 }}, 1, 3) || ' ' || substr({{ d8 }}, 4, 3)
                when 8 then '555.' || substr({{ d8 }}, 1, 3) || '.' || substr({{ d8 }}, 4, 4)
                when 9 then '+49 (0)89 ' || substr({{ d8 }}, 1, 6)
                when 10 then '0049 89 ' || substr({{ d8 }}, 1, 6)
                when 11 then '089/' || substr({{ d8 }}, 1, 7)
                when 12 then '07700 900' || substr({{ d8 }}, 1, 3)
                when 13 then '+44 7700 900' || substr({{ d8 }}, 1, 3)
                when 14 then '+1 (212) 555-' || {{ d4 }} || ' ext. ' || substr({{ d8 }}, 5, 3)
                when 15 then '(646) 555-' || {{ d4 }} || ' x' || substr({{ d8 }}, 5, 2)
                when 16 then '+31 6 ' || {{ d8 }}
                when 17 then '020-' || substr({{ d8 }}, 1, 7)
                when 18 then '+39 06 ' || substr({{ d8 }}, 1, 4) || ' ' || substr({{ d8 }}, 5, 4)
                when 19 then '347 ' || substr({{ d8 }}, 1, 3) || ' ' || substr({{ d8 }}, 4, 4)
                when 20 then '+351 912 ' || substr({{ d8 }}, 1, 3) || ' ' || substr({{ d8 }}, 4, 3)
                when 21 then '612 ' || substr({{ d8 }}, 1, 3) || ' ' || substr({{ d8 }}, 4, 3)
                when 22 then '+41 44 ' || substr({{ d8 }}, 1, 3) || ' ' || substr({{ d8 }}, 4, 2) || ' '
                    || substr({{ d8 }}, 6, 2)
                else '0043 1 ' || substr({{ d8 }}, 1, 7)
            end
        when 'ip' then
            case ({{ hash_modulo(h ~ ' >> 24', 10) }})::integer
                when 0 then '2001:db8:' || lower(hex(({{ hash_modulo(h ~ ' >> 32', 65536) }})::integer)) || ':'
                    || lower(hex(({{ hash_modulo(h ~ ' >> 48', 65536) }})::integer)) || '::'
                    || lower(hex(({{ hash_modulo(h ~ ' >> 64', 65536) }})::integer))
                when 1 then 'fe80::' || lower(hex(({{ hash_modulo(h ~ ' >> 32', 65536) }})::integer)) || ':'
                    || lower(hex(({{ hash_modulo(h ~ ' >> 48', 65536) }})::integer)) || ':'
                    || lower(hex(({{ hash_modulo(h ~ ' >> 64', 65536) }})::integer)) || ':'
                    || lower(hex(({{ hash_modulo(h ~ ' >> 80', 65536) }})::integer))
                when 2 then '2001:0db8:' || lower(lpad(hex(({{ hash_modulo(h ~ ' >> 32', 65536) }})::integer), 4, '0'))
                    || ':0000:0000:' || lower(lpad(hex(({{ hash_modulo(h ~ ' >> 48', 65536) }})::integer), 4, '0'))
                    || ':0370:' || lower(lpad(hex(({{ hash_modulo(h ~ ' >> 64', 65536) }})::integer), 4, '0'))
                    || ':' || lower(lpad(hex(({{ hash_modulo(h ~ ' >> 80', 65536) }})::integer), 4, '0'))
                else (1 + {{ hash_modulo(h ~ ' >> 32', 222) }})::varchar || '.'
                    || (({{ hash_modulo(h ~ ' >> 40', 256) }}))::varchar || '.'
                    || (({{ hash_modulo(h ~ ' >> 48', 256) }}))::varchar || '.'
                    || (1 + {{ hash_modulo(h ~ ' >> 56', 254) }})::varchar
            end
        when 'ssn' then
            (100 + {{ hash_modulo(h ~ ' >> 32', 565) }})::varchar || '-'
            || lpad((1 + {{ hash_modulo(h ~ ' >> 48', 99) }})::varchar, 2, '0') || '-'
            || lpad((1 + {{ hash_modulo(h ~ ' >> 64', 9999) }})::varchar, 4, '0')
        when 'url' then
            ['https://', 'http://', 'https://www.', 'www.'][1 + ({{ hash_modulo(h ~ ' >> 88', 4) }})::integer]
            || lower(strip_accents(regexp_replace({{ service }}, '[^A-Za-z]+', '', 'g')))
            || ['.example.com/account/verify?token=', '.example.com/reset?uid=' || {{ d4 }} || '&key=',
                '.example.com/unsubscribe?email_token=', '.example.com/app#session=']
                [1 + ({{ hash_modulo(h ~ ' >> 92', 4) }})::integer]
            || substr(md5({{ hash_text(h) }}), 1, 24)
        when 'decoy_date' then
            case ({{ hash_modulo(h ~ ' >> 20', 5) }})::integer
                when 0 then lpad((1 + {{ hash_modulo(h ~ ' >> 32', 28) }})::varchar, 2, '0') || '.'
                    || lpad((1 + {{ hash_modulo(h ~ ' >> 40', 12) }})::varchar, 2, '0') || '.' || (2015 + {{ hash_modulo(h ~ ' >> 48', 11) }})::varchar
                when 1 then (2015 + {{ hash_modulo(h ~ ' >> 48', 11) }})::varchar || '-'
                    || lpad((1 + {{ hash_modulo(h ~ ' >> 40', 12) }})::varchar, 2, '0') || '-'
                    || lpad((1 + {{ hash_modulo(h ~ ' >> 32', 28) }})::varchar, 2, '0') || ' '
                    || lpad(({{ hash_modulo(h ~ ' >> 56', 24) }})::varchar, 2, '0') || ':' || lpad(({{ hash_modulo(h ~ ' >> 64', 60) }})::varchar, 2, '0')
                when 2 then lpad((1 + {{ hash_modulo(h ~ ' >> 32', 28) }})::varchar, 2, '0') || '-'
                    || lpad((1 + {{ hash_modulo(h ~ ' >> 40', 12) }})::varchar, 2, '0') || '-' || (2015 + {{ hash_modulo(h ~ ' >> 48', 11) }})::varchar
                when 3 then lpad((1 + {{ hash_modulo(h ~ ' >> 40', 12) }})::varchar, 2, '0') || '/'
                    || lpad((1 + {{ hash_modulo(h ~ ' >> 32', 28) }})::varchar, 2, '0') || '/' || (2015 + {{ hash_modulo(h ~ ' >> 48', 11) }})::varchar
                else (2015 + {{ hash_modulo(h ~ ' >> 48', 11) }})::varchar || '-'
                    || lpad((1 + {{ hash_modulo(h ~ ' >> 40', 12) }})::varchar, 2, '0') || '-'
                    || lpad((1 + {{ hash_modulo(h ~ ' >> 32', 28) }})::varchar, 2, '0')
            end
        when 'decoy_time' then
            ['noon', 'midday', lpad((8 + {{ hash_modulo(h ~ ' >> 32', 10) }})::varchar, 2, '0') || ':30',
                (8 + {{ hash_modulo(h ~ ' >> 32', 10) }})::varchar || '.15', '10:30:45']
                [1 + ({{ hash_modulo(h ~ ' >> 20', 5) }})::integer]
        when 'decoy_version' then
            ['', 'v'][1 + ({{ hash_modulo(h ~ ' >> 20', 2) }})::integer]
            || (({{ hash_modulo(h ~ ' >> 32', 12) }}))::varchar || '.' || (({{ hash_modulo(h ~ ' >> 40', 30) }}))::varchar
            || '.' || (({{ hash_modulo(h ~ ' >> 48', 60) }}))::varchar
        when 'decoy_price' then
            case ({{ hash_modulo(h ~ ' >> 20', 4) }})::integer
                when 0 then (1 + {{ hash_modulo(h ~ ' >> 32', 9) }})::varchar || '.' || lpad(({{ hash_modulo(h ~ ' >> 40', 1000) }})::varchar, 3, '0') || ',00 €'
                when 1 then '$' || (1 + {{ hash_modulo(h ~ ' >> 32', 9) }})::varchar || ',' || lpad(({{ hash_modulo(h ~ ' >> 40', 1000) }})::varchar, 3, '0') || '.99'
                when 2 then 'EUR ' || (1 + {{ hash_modulo(h ~ ' >> 32', 9) }})::varchar || ' ' || lpad(({{ hash_modulo(h ~ ' >> 40', 1000) }})::varchar, 3, '0') || ',50'
                else '£' || (10 + {{ hash_modulo(h ~ ' >> 32', 990) }})::varchar || '.' || lpad(({{ hash_modulo(h ~ ' >> 40', 100) }})::varchar, 2, '0')
            end
        when 'decoy_tracking_number' then
            case ({{ hash_modulo(h ~ ' >> 20', 3) }})::integer
                when 0 then '1Z' || upper(substr(md5({{ hash_text(h) }}), 1, 6)) || {{ d8 }}
                when 1 then 'JJD' || lpad({{ random_digits(h, 18) }}, 18, '0')
                else '94001' || {{ random_digits(h, 17) }}
            end
        else {{ first_name }} || ' ' || {{ last_name }}
    end
{%- endmacro %}
