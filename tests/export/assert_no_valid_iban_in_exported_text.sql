-- The last line of defence for IBANs: no string that passes the mod-97 check in the exported text.
with

exported as (

    select
        example_id,
        text,
        {{ valid_ibans_in('text') }} as valid_ibans,
    from {{ ref('curated_training_data') }}
    where text is not null and regexp_matches(text, '(?i)\b[a-z]{2}\d{2}')

)

select * from exported
where len(valid_ibans) > 0
