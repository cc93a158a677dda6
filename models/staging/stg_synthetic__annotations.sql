with

source as (

    select
        message_id,
        annotator_id,
        intent,
        confidence,
        annotated_at,
        'synthetic_annotations' as filename,
    from {{ ref('synthetic_annotations') }}

),

renamed as (

    {{ stage_raw_annotations('source', 'synthetic', 'generator') }}

)

select * from renamed
