{{ config(location=export_location("curated_training_data.parquet"), format="parquet") }}

-- The training set handed to the model-training pipeline: one row per example. Real messages of
-- the three splits plus, in train only, the vector-only rows SMOTE made. Written to Parquet in a
-- fixed order so that the same inputs and vars give a byte-identical file.
with

curated as (

    select * from {{ ref('curated_messages') }}

),

splits as (

    select * from {{ ref('ml_split_assignments') }}

),

smote_examples as (

    select * from {{ ref('ml_smote_examples') }}

),

real_examples as (

    select
        'msg-' || left(md5(curated.message_id), 16) as example_id,
        curated.message_id,
        curated.message_text as text,
        curated.intent,
        splits.split,
        false as is_synthetic,
        'none' as synthesis_method,
        curated.message_source,
        curated.channel,
        curated.locale,
        curated.language,
        curated.locale_language,
        curated.language_confidence,
        curated.jurisdiction,
        curated.regulation,
        curated.label_confidence,
        curated.annotator_agreement,
        curated.annotation_count,
        columns('^f_'),
    from curated
    inner join splits
        on curated.message_id = splits.message_id

),

synthetic_examples as (

    select
        example_id,
        cast(null as varchar) as message_id,
        cast(null as varchar) as text,
        intent,
        'train' as split,
        true as is_synthetic,
        synthesis_method,
        'balancer' as message_source,
        cast(null as varchar) as channel,
        cast(null as varchar) as locale,
        cast(null as varchar) as language,
        cast(null as varchar) as locale_language,
        cast(null as double) as language_confidence,
        cast(null as varchar) as jurisdiction,
        cast(null as varchar) as regulation,
        cast(null as double) as label_confidence,
        cast(null as double) as annotator_agreement,
        cast(null as integer) as annotation_count,
        columns('^f_'),
    from smote_examples

),

unioned as (

    select * from real_examples
    union all by name
    select * from synthetic_examples

),

versioned as (

    select
        *,
        -- a content hash of the whole set: order-independent, so it is the same whatever the plan
        'dv-' || lpad(lower(hex(bit_xor(md5_number(
            concat_ws('|', example_id, coalesce(text, ''), intent, split, synthesis_method)
        )) over ())), 32, '0') as dataset_version,
    from unioned

),

final as (

    select
        example_id,
        message_id,
        text,
        intent,
        split,
        is_synthetic,
        synthesis_method,
        message_source,
        channel,
        locale,
        language,
        locale_language,
        language_confidence,
        jurisdiction,
        regulation,
        label_confidence,
        annotator_agreement,
        annotation_count,
        cast(columns('^f_') as double),
        dataset_version,
    from versioned
    order by split, intent, example_id

)

select * from final
