-- One row per metric of the deduplication stage against the generator's ground truth: recall and
-- precision of exact and of near duplicates, over the synthetic messages that reach deduplication.
--   exact recall: of the pairs (message, earliest message with the same planted text, PII masked
--     and lower-cased), the share the pipeline puts in one duplicate cluster;
--   exact precision: of the pairs (message, earliest message with the same matching text), the
--     share whose planted texts are identical;
--   near recall: of the planted near duplicates whose planted text has a shingle Jaccard
--     similarity of at least near_duplicate_threshold with its original's, the share the
--     pipeline puts in the original's duplicate cluster;
--   near precision: of the verified near-duplicate text pairs, the share whose planted texts
--     (of the earliest synthetic message with each text) reach the threshold. A pair verified by
--     its exact similarity whose two planted texts are the texts deduplication saw already
--     reached the threshold (the same shingle sets, the same formula): only the other pairs (an
--     estimated pair, a planted text the pipeline changed) are measured here.
{%- set shingle_size = var('near_duplicate_shingle_size') %}
with

truth as (

    select * from {{ ref('synthetic_ground_truth') }}

),

deduplicated as (

    select * from {{ ref('int_messages_deduplicated') }}

),

verified_pairs as (

    select * from {{ ref('int_message_text_pairs_verified') }}

),

measured as (

    select
        deduplicated.message_id,
        deduplicated.created_at,
        deduplicated.duplicate_cluster_id,
        deduplicated.message_text_match,
        md5(deduplicated.message_text_match) as text_key,
        truth.planted_match_text,
        truth.duplicate_of_message_id,
        truth.duplicate_kind,
        truth.is_countable_duplicate,
    from deduplicated
    inner join truth
        on deduplicated.message_id = truth.message_id
    where deduplicated.message_source = 'synthetic'

),

leaders as (

    select
        * exclude (message_text_match),
        first_value(message_id) over (
            partition by planted_match_text order by created_at, message_id
        ) as truth_leader_id,
        first_value(message_id) over (
            partition by text_key order by created_at, message_id
        ) as predicted_leader_id,
    from measured

),

recall_pairs as (

    -- the pairs recall is measured on, by kind: each exact duplicate with the earliest message of
    -- its planted text, each countable planted near duplicate with its original
    select
        'exact' as duplicate_kind,
        leaders.duplicate_cluster_id,
        leaders.truth_leader_id as original_message_id,
    from leaders
    where leaders.message_id != leaders.truth_leader_id
    union all
    select
        'near' as duplicate_kind,
        measured.duplicate_cluster_id,
        measured.duplicate_of_message_id as original_message_id,
    from measured
    where measured.duplicate_kind = 'near' and measured.is_countable_duplicate

),

recalled_pairs as (

    select
        recall_pairs.duplicate_kind,
        recall_pairs.duplicate_cluster_id = originals.duplicate_cluster_id as is_recalled,
    from recall_pairs
    inner join measured as originals
        on recall_pairs.original_message_id = originals.message_id

),

recall as (

    -- one row per kind, also for a kind without pairs (null value, support 0)
    select
        'recall' as metric,
        duplicate_kinds.duplicate_kind as slice,
        avg(recalled_pairs.is_recalled::integer) as value,
        count(recalled_pairs.duplicate_kind) as support,
    from (values ('exact'), ('near')) as duplicate_kinds (duplicate_kind)
    left join recalled_pairs
        on duplicate_kinds.duplicate_kind = recalled_pairs.duplicate_kind
    group by duplicate_kinds.duplicate_kind

),

exact_precision as (

    select
        'precision' as metric,
        'exact' as slice,
        avg((leaders.planted_match_text = predicted_leaders.planted_match_text)::integer) as value,
        count(*) as support,
    from leaders
    inner join measured as predicted_leaders
        on leaders.predicted_leader_id = predicted_leaders.message_id
    where leaders.message_id != leaders.predicted_leader_id

),

text_witnesses as (

    -- every message of a text has the same matching text, so min() is that text
    select
        text_key,
        arg_min(planted_match_text, message_id) as planted_match_text,
        min(message_text_match) as message_text_match,
    from measured
    group by text_key

),

witnessed_pairs as (

    select
        verified_pairs.text_key_a,
        verified_pairs.text_key_b,
        witnesses_a.planted_match_text as planted_match_text_a,
        witnesses_b.planted_match_text as planted_match_text_b,
        -- verified by the exact similarity of these very two texts, so it reached the threshold
        coalesce(
            not verified_pairs.is_estimated
            and witnesses_a.planted_match_text = witnesses_a.message_text_match
            and witnesses_b.planted_match_text = witnesses_b.message_text_match,
            false
        ) as is_measured_upstream,
    from verified_pairs
    inner join text_witnesses as witnesses_a
        on verified_pairs.text_key_a = witnesses_a.text_key
    inner join text_witnesses as witnesses_b
        on verified_pairs.text_key_b = witnesses_b.text_key

),

to_measure as (

    select * from witnessed_pairs
    where not is_measured_upstream

),

witness_shingles as (

    select
        text_key,
        {{ character_shingle_hashes('planted_match_text', shingle_size) }} as shingle_hashes,
    from text_witnesses
    where
        text_key in (select to_measure.text_key_a from to_measure)
        or text_key in (select to_measure.text_key_b from to_measure)

),

near_precision_pairs as (

    select 1 as is_precise,
    from witnessed_pairs
    where is_measured_upstream
    union all
    select
        (
            {{ jaccard_similarity('shingles_a.shingle_hashes', 'shingles_b.shingle_hashes') }}
            >= {{ var('near_duplicate_threshold') }}
        )::integer as is_precise,
    from to_measure
    inner join witness_shingles as shingles_a
        on to_measure.text_key_a = shingles_a.text_key
    inner join witness_shingles as shingles_b
        on to_measure.text_key_b = shingles_b.text_key

),

near_precision as (

    select
        'precision' as metric,
        'near' as slice,
        avg(is_precise) as value,
        count(*) as support,
    from near_precision_pairs

),

metrics as (

    select * from recall
    union all
    select * from exact_precision
    union all
    select * from near_precision

),

final as (

    select
        'deduplication' as stage,
        metric,
        slice,
        value::double as value,
        0.95::double as target,
        coalesce(value >= 0.95, false) as meets_target,
        support::bigint as support,
    from metrics
    order by slice, metric

)

select * from final
