-- One row per pair of distinct matching texts that are near duplicates: the Jaccard similarity of
-- their character-shingle sets reaches `near_duplicate_threshold`. A candidate whose MinHash
-- estimate clears the threshold by more than its margin (three standard errors) is accepted on
-- the estimate; every other candidate is decided by the exact Jaccard similarity of the two sets.
with

candidates as (

    select * from {{ ref('int_message_text_pairs_candidate') }}

),

texts as (

    select * from {{ ref('int_message_texts_minhashed') }}

),

decisive as (

    select
        text_key_a,
        text_key_b,
        estimated_similarity as similarity,
        true as is_estimated,
    from candidates
    where estimated_similarity >= {{ var('near_duplicate_threshold') }} + estimate_margin

),

to_measure as (

    select * from candidates
    where estimated_similarity < {{ var('near_duplicate_threshold') }} + estimate_margin

),

measured as (

    select
        to_measure.text_key_a,
        to_measure.text_key_b,
        -- a linear scan per shingle beats list_intersect (which builds a hash set) on lists this short
        len(list_filter(texts_a.shingle_hashes, lambda shingle_hash: list_contains(texts_b.shingle_hashes, shingle_hash)))
            as shared_shingle_count,
        len(texts_a.shingle_hashes) + len(texts_b.shingle_hashes) as summed_shingle_count,
    from to_measure
    inner join texts as texts_a
        on to_measure.text_key_a = texts_a.text_key
    inner join texts as texts_b
        on to_measure.text_key_b = texts_b.text_key

),

exact as (

    select
        text_key_a,
        text_key_b,
        shared_shingle_count / (summed_shingle_count - shared_shingle_count) as similarity,
        false as is_estimated,
    from measured

),

final as (

    select * from decisive
    union all
    select * from exact
    where similarity >= {{ var('near_duplicate_threshold') }}

)

select * from final
