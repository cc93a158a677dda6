-- Planted card numbers pass the Luhn check and planted IBANs the mod-97 check, so that the
-- redactor is measured on realistic values.
with

planted as (

    select
        pii_type,
        regexp_replace(pii_value, '[^0-9A-Z]', '', 'g') as compact_value
    from {{ ref('synthetic_pii_planted') }}
    where pii_type in ('card', 'iban')

)

select *
from planted
where
    (pii_type = 'card' and {{ luhn_sum('compact_value') }} != 0)
    or (
        pii_type = 'iban'
        and (substr(compact_value, 5) || '1314' || substr(compact_value, 3, 2))::hugeint % 97 != 1
    )
