-- Hard-negative decoys are honest negatives: order numbers and the digit runs of tracking numbers
-- fail the Luhn check, IBAN-like decoys fail the mod-97 check, and no decoy carries an e-mail
-- address, an IPv4 address or an SSN. Returns the decoys that would be real PII, and bad IBANs
-- that are not shaped like an IBAN.
with

decoys as (

    select
        draft_index,
        decoy_kind,
        pii_value,
        regexp_replace(pii_value, '[^0-9]', '', 'g') as digits,
        upper(regexp_replace(pii_value, '[^0-9A-Za-z]', '', 'g')) as compact_value,
    from {{ ref('synthetic_pii_planted') }}
    where is_decoy

)

select * from decoys
where
    (decoy_kind = 'decoy_order_number' and {{ luhn_sum('digits') }} = 0)
    or (
        decoy_kind = 'decoy_tracking_number'
        and len(list_filter(
            regexp_extract_all(pii_value, '\b\d(?:[ -]?\d)*\b'),
            lambda digit_run: {{ is_luhn_card_number('digit_run') }}
        )) > 0
    )
    or (decoy_kind = 'decoy_bad_iban' and {{ iban_mod97('compact_value') }} = 1)
    -- a bad IBAN is letters, digits and spaces only, shaped like a real one but for its check number
    or (decoy_kind = 'decoy_bad_iban' and not regexp_full_match(pii_value, '[A-Z]{2}[0-9]{2}[0-9A-Z ]+'))
    or regexp_matches(pii_value, '@|\b\d{3}-\d{2}-\d{4}\b|\b\d{1,3}(\.\d{1,3}){3}\b')
