-- The last line of defence: no Luhn-valid run of 13 to 19 digits in the exported text.
with

exported as (

    select * from {{ ref('curated_training_data') }}

),

candidates as (

    select
        example_id,
        unnest(regexp_extract_all(text, '\b\d(?:[ -]?\d){12,18}\b')) as candidate,
    from exported
    where text is not null

)

select * from candidates
where {{ luhn_sum("regexp_replace(candidate, '[^0-9]', '', 'g')") }} = 0
