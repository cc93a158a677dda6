with

source as not materialized (

    -- read where it is used (number_identical_rows reads it three times): a materialized copy held
    -- every generated message for the whole query (int_messages_unioned at 10,000,000: 15.9-18.1 s, was 19.4-22.5)
    select
        *,
        'synthetic_messages' as filename,
    from {{ ref('synthetic_messages') }}

),

renamed as (

    {{ stage_raw_messages('source', 'synthetic', 'generator') }}

)

select * from renamed
