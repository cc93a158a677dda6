with

source as not materialized (

    -- read where it is used (number_identical_rows reads it three times): a materialized copy held
    -- every generated annotation for the whole query (int_annotations_unioned, 19,520,006
    -- annotations: 18.0-19.3 s, was 21.8-24.0)
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
