{{ config(location=export_staging_location("curated_training_data.parquet"), format="parquet") }}

-- The training set handed to the model-training pipeline: one row per example. Real messages of
-- the three splits (less the train rows the balancer removed) plus, in train only, the rows the
-- balancer added. Written to Parquet in a fixed order so that the same inputs and vars give a
-- byte-identical file.
with

curated as (

    select * from {{ ref('curated_messages') }}

),

splits as (

    select * from {{ ref('ml_split_assignments') }}

),

balancer as (

    select * from {{ ref('ml_smote_examples') }}

),

locales as (

    select * from {{ ref('locale_jurisdictions') }}

),

removed as (

    select example_id from balancer
    where balance_action = 'remove'

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
        cast(null as varchar[]) as source_example_ids,
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

kept_real_examples as (

    select * from real_examples
    anti join removed
        on real_examples.example_id = removed.example_id

),

added as (

    select * from balancer
    where balance_action = 'add'

),

source_context as (

    select
        example_id,
        language,
        locale_language,
        language_confidence,
        jurisdiction,
        regulation,
    from real_examples

),

-- Copies and augmented texts take language and jurisdiction from the row they came from;
-- SMOTE-NC rows from the locale they were given; other vector-only rows have none.
synthetic_examples as (

    select
        added.example_id,
        cast(null as varchar) as message_id,
        added.text,
        added.intent,
        'train' as split,
        true as is_synthetic,
        added.synthesis_method,
        added.source_example_ids,
        'balancer' as message_source,
        added.channel,
        added.locale,
        coalesce(source.language, locales.language) as language,
        coalesce(source.locale_language, locales.language) as locale_language,
        source.language_confidence,
        coalesce(source.jurisdiction, locales.jurisdiction) as jurisdiction,
        coalesce(source.regulation, locales.regulation) as regulation,
        cast(null as double) as label_confidence,
        cast(null as double) as annotator_agreement,
        cast(null as integer) as annotation_count,
        columns('^f_'),
    from added
    left join source_context as source
        on added.text is not null and added.source_example_ids[1] = source.example_id
    left join locales
        on added.text is null and added.locale = locales.locale

),

unioned as (

    select * from kept_real_examples
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
        source_example_ids,
        message_source,
        text is not null as has_text,
        -- where the row comes from, one value per kind of row (is_synthetic and message_source stay as they are)
        case
            when not is_synthetic and message_source = 'synthetic' then 'generator'
            when not is_synthetic then 'raw_file'
            when synthesis_method = 'random_oversample' then 'balancer_copy'
            when synthesis_method = 'augment' then 'augmentation'
            else 'interpolation'
        end as origin,
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
        -- features typed by the contract (models/export/_export__models.yml): counts bigint, 0/1 flags
        -- boolean, the rest double. SMOTE-family rows interpolate in doubles and the balancer rounds the
        -- whole-number features; round() here makes the cast exact for every row alike.
        {%- set feature_casts = {'boolean': 'round({}) >= 1', 'bigint': 'cast(round({}) as bigint)'} %}
        {%- for name, column in model.columns.items() if name.startswith('f_') %}
            {{ feature_casts.get(column.data_type, 'cast({} as double)').format(name) }} as {{ name }},
        {%- endfor %}
        dataset_version,
    from versioned
    order by split, intent, example_id

)

select * from final
