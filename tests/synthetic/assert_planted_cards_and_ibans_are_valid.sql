-- Planted card numbers pass the Luhn check and planted IBANs the mod-97 check, so that the
-- redactor is measured on realistic values (decoys, which must fail, are checked in
-- assert_planted_decoys_fail_their_checks).
with

planted as (

    select
        pii_type,
        regexp_replace(pii_value, '[^0-9A-Z]', '', 'g') as compact_value
    from {{ ref('synthetic_pii_planted') }}
    where pii_type in ('card', 'iban') and not is_decoy

)

select *
from planted
where
    (pii_type = 'card' and {{ luhn_sum('compact_value') }} != 0)
    or (
        pii_type = 'iban'
        and {{ iban_mod97('compact_value') }} != 1
    )
