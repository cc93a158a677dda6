with

source as (

    select
        *,
        'synthetic_messages' as filename,
    from {{ ref('synthetic_messages') }}

),

renamed as (

    {{ stage_raw_messages('source', 'synthetic', 'generator') }}

)

select * from renamed
