-- One row per synthetic message: what the generator planted in it (true intent, hard negative,
-- PII values, duplicate of which message, noise, defect, annotation noise and the profiles of
-- the annotators who got the label wrong), so that each curation stage can be measured against
-- the truth.
with

emitted as not materialized (

    -- read where it is used: a materialized copy held every emitted message for the whole query
    -- (10,000,000 messages: 25.1-26.3 s, was 33.6-41.6)
    select * from {{ ref('synthetic_messages_emitted') }}

),

annotations as (

    select * from {{ ref('synthetic_annotations') }}

),

duplicate_shingles as (

    select
        duplicates.emission_index,
        {{ character_shingle_hashes('duplicates.planted_match_text', var('near_duplicate_shingle_size')) }}
            as duplicate_shingle_hashes,
        {{ character_shingle_hashes('originals.planted_match_text', var('near_duplicate_shingle_size')) }}
            as original_shingle_hashes,
    from emitted as duplicates
    inner join emitted as originals
        on duplicates.draft_index = originals.emission_index
    where duplicates.duplicate_kind is not null

),

duplicate_truth as (

    select
        emission_index,
        {{ jaccard_similarity('duplicate_shingle_hashes', 'original_shingle_hashes') }} as duplicate_similarity,
    from duplicate_shingles

),

annotation_truth as (

    select
        emission_index,
        count(*) filter (where not is_repeat) as annotation_count,
        count(*) filter (where not is_repeat and not is_correct) as wrong_annotation_count,
        count(*) filter (where defect_kind is not null) as defective_annotation_count,
        -- label noise is judged on the annotations that can vote (no defect, no repeat)
        count(*) filter (where defect_kind is null) as voting_annotation_count,
        count(*) filter (where defect_kind is null and not is_correct) as wrong_voting_annotation_count,
        list(distinct annotator_profile order by annotator_profile) filter (
            where defect_kind is null and not is_correct
        ) as wrong_annotator_profiles,
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
        duplicate_truth.duplicate_similarity,
        case
            when emitted.duplicate_kind = 'exact' then true
            when emitted.duplicate_kind = 'near'
                then duplicate_truth.duplicate_similarity >= {{ var('near_duplicate_threshold') }}
        end as is_countable_duplicate,
        emitted.planted_match_text,
        emitted.noise_kinds,
        emitted.defect_kind,
        coalesce(annotation_truth.annotation_count, 0) as annotation_count,
        coalesce(annotation_truth.wrong_annotation_count, 0) as wrong_annotation_count,
        coalesce(annotation_truth.defective_annotation_count, 0) as defective_annotation_count,
        coalesce(annotation_truth.wrong_voting_annotation_count, 0) * 2
        >= coalesce(annotation_truth.voting_annotation_count, 0)
        and coalesce(annotation_truth.wrong_voting_annotation_count, 0) > 0 as has_label_noise,
        coalesce(annotation_truth.wrong_annotator_profiles, []) as wrong_annotator_profiles,
    from emitted
    left join annotation_truth
        on emitted.emission_index = annotation_truth.emission_index
    left join duplicate_truth
        on emitted.emission_index = duplicate_truth.emission_index

)

select * from final
