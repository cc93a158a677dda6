-- One row per synthetic message: what the generator planted in it (true intent, hard negative,
-- PII values, duplicate of which message, noise, defect, annotation noise), so that each
-- curation stage can be measured against the truth.
with

emitted as (

    select * from {{ ref('synthetic_messages_emitted') }}

),

annotations as (

    select * from {{ ref('synthetic_annotations') }}

),

annotation_truth as (

    select
        emission_index,
        count(*) filter (where not is_repeat) as annotation_count,
        count(*) filter (where not is_repeat and not is_correct) as wrong_annotation_count,
        count(*) filter (where defect_kind is not null) as defective_annotation_count,
    from annotations
    group by emission_index

),

final as (

    select
        'syn-' || lpad(emitted.emission_index::varchar, 10, '0') as synthetic_message_key,
        emitted.message_id,
        emitted.true_intent,
        emitted.true_language,
        emitted.template_id,
        emitted.is_hard_negative,
        emitted.planted_pii,
        len(list_filter(emitted.planted_pii, lambda pii: not pii.is_decoy)) as planted_pii_count,
        case
            when emitted.duplicate_kind is not null
                then 'syn-' || lpad(emitted.draft_index::varchar, 10, '0')
        end as duplicate_of_message_id,
        emitted.duplicate_kind,
        emitted.noise_kinds,
        emitted.defect_kind,
        coalesce(annotation_truth.annotation_count, 0) as annotation_count,
        coalesce(annotation_truth.wrong_annotation_count, 0) as wrong_annotation_count,
        coalesce(annotation_truth.defective_annotation_count, 0) as defective_annotation_count,
        coalesce(annotation_truth.wrong_annotation_count, 0) * 2
        >= coalesce(annotation_truth.annotation_count, 0)
        and coalesce(annotation_truth.wrong_annotation_count, 0) > 0 as has_label_noise,
    from emitted
    left join annotation_truth
        on emitted.emission_index = annotation_truth.emission_index

)

select * from final
