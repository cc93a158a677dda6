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
--     (of the synthetic message with the smallest id, for each text) reach the threshold. A pair verified by
--     its exact similarity whose two planted texts are the texts deduplication saw already
--     reached the threshold (the same shingle sets, the same formula): only the other pairs (an
--     estimated pair, a planted text the pipeline changed) are measured here.
-- A witness whose planted text is the text deduplication saw takes its shingle set from
-- int_message_texts_minhashed (as sort keys, one to one with the hashes); the others are hashed here
-- into the same keys (1,000,000 messages: 55,237 witnesses measured, 39,189 of them read, not hashed).
-- Texts are compared by md5: a message's matching text by int_messages_deduplicated's text_key, and a
-- planted text is the text deduplication saw when its md5 is that key (planted texts are never
-- null: synthetic_ground_truth tests it). The ground truth is read where it is used (not
-- materialized): a materialized copy held every planted text in memory for the few witnesses
-- that need one.
{%- set shingle_size = var('near_duplicate_shingle_size') %}
{%- set bin_count = (var('near_duplicate_bands') | int) * (var('near_duplicate_rows_per_band') | int) %}
{#- the sets compared in 8 parts of 63 bins, as int_message_text_pairs_verified cuts them #}
{%- set part_count = 8 %}
{%- set part_bins = 63 %}
with

truth as not materialized (

    select * from {{ ref('synthetic_ground_truth') }}

),

deduplicated as not materialized (

    select * from {{ ref('int_messages_deduplicated') }}

),

verified_pairs as (

    select * from {{ ref('int_message_text_pairs_verified') }}

),

minhashed_texts as (

    select * from {{ ref('int_message_texts_minhashed') }}

),

measured as (

    -- one narrow row per synthetic message that reaches deduplication, its texts as md5 keys: the
    -- metrics below group keys and ids, and only the witnesses of verified pairs read texts again
    select
        deduplicated.message_id,
        deduplicated.created_at,
        deduplicated.duplicate_cluster_id,
        deduplicated.text_key,
        md5_number(truth.planted_match_text) as planted_key,
        truth.duplicate_of_message_id,
        truth.duplicate_kind,
        truth.is_countable_duplicate,
    from deduplicated
    inner join truth
        on deduplicated.message_id = truth.message_id
    where deduplicated.message_source = 'synthetic'

),
{#- exact recall: each message paired with the earliest message of its planted text is recalled when
    the two share a duplicate cluster; exact precision: each message paired with the earliest message
    of its matching text is precise when the two planted texts are identical. Either way the pairs
    that count, per key, are its messages that share the earliest one's other key, less itself. #}
{%- for metric, key, other_key in [('recall', 'planted_key', 'duplicate_cluster_id'), ('precision', 'text_key', 'planted_key')] %}

    exact_{{ metric }}_groups as (

        -- each {{ key }} split by {{ other_key }}: its messages, and the earliest of them (one
        -- hash aggregate, not a window sorting every message by text)
        select
            {{ key }},
            {{ other_key }},
            count(*) as messages,
            min(struct_pack(created_at := created_at, message_id := message_id)) as first_message,
        from measured
        group by {{ key }}, {{ other_key }}

    ),

    exact_{{ metric }}_leaders as (

        -- per {{ key }}: its messages, and how many share the earliest message's {{ other_key }}
        select
            {{ key }},
            sum(messages) as messages,
            arg_min(messages, first_message) as leader_messages,
        from exact_{{ metric }}_groups
        group by {{ key }}

    ),

    exact_{{ metric }} as (

        select
            '{{ metric }}' as metric,
            'exact' as slice,
            sum(leader_messages - 1) / nullif(sum(messages - 1), 0) as value,
            coalesce(sum(messages - 1), 0) as support,
        from exact_{{ metric }}_leaders

    ),
{%- endfor %}

near_recall as (

    -- each countable planted near duplicate with its original
    select
        'recall' as metric,
        'near' as slice,
        avg((near_duplicates.duplicate_cluster_id = originals.duplicate_cluster_id)::integer) as value,
        count(*) as support,
    from measured as near_duplicates
    inner join measured as originals
        on near_duplicates.duplicate_of_message_id = originals.message_id
    where near_duplicates.duplicate_kind = 'near' and near_duplicates.is_countable_duplicate

),

paired_texts as (

    select text_key_a as text_key from verified_pairs
    union
    select text_key_b as text_key from verified_pairs

),

witness_ids as (

    -- the witness of a text of a verified pair: its synthetic message of the smallest id
    select
        measured.text_key,
        min(measured.message_id) as message_id,
    from measured
    semi join paired_texts
        on measured.text_key = paired_texts.text_key
    group by measured.text_key

),

text_witnesses as (

    -- the witness's planted text, and whether it is the text deduplication saw (the same md5)
    select
        witness_ids.text_key,
        truth.planted_match_text,
        md5(truth.planted_match_text) = witness_ids.text_key as is_planted_text_seen,
    from witness_ids
    inner join truth
        on witness_ids.message_id = truth.message_id

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
            and witnesses_a.is_planted_text_seen
            and witnesses_b.is_planted_text_seen,
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

measured_witnesses as (

    -- the witnesses of the pairs to measure
    select
        text_key,
        planted_match_text,
        is_planted_text_seen,
    from text_witnesses
    where
        text_key in (select to_measure.text_key_a from to_measure)
        or text_key in (select to_measure.text_key_b from to_measure)

),

seen_witness_sets as (

    -- a planted text deduplication saw: its shingle set is int_message_texts_minhashed's, as sort keys
    select
        minhashed_texts.text_key,
        minhashed_texts.shingle_keys,
    from minhashed_texts
    semi join measured_witnesses
        on
            minhashed_texts.text_key = measured_witnesses.text_key
            and measured_witnesses.is_planted_text_seen

),

unseen_witness_keys as (

    -- any other planted text: its shingle hashes as the same sort keys (one to one with the hashes,
    -- so both texts of a pair are compared in one key space), sorted
    select
        text_key,
        list_sort({{ shingle_sort_keys(
            character_shingle_hashes('planted_match_text', shingle_size, distinct=false), bin_count
        ) }}) as sorted_keys,
    from measured_witnesses
    where not is_planted_text_seen

),

witness_sets as (

    select * from seen_witness_sets
    union all
    -- the shingle set: each sorted key unlike the one before it (cheaper than list_distinct)
    select
        text_key,
        {{ sorted_list_distinct('sorted_keys') }} as shingle_keys,
    from unseen_witness_keys

),

witness_shingles as materialized (

    -- the set cut into parts by value, so that two sets are compared part by part (materialized:
    -- inlined into both joins, the sets and parts were built twice)
    select
        text_key,
        len(shingle_keys) as shingle_count,
        {{ shingle_parts('shingle_keys', part_count, part_bins) }} as shingle_parts,
    from witness_sets

),

measured_pairs as (

    select
        {{ shared_shingle_count('shingles_a.shingle_parts', 'shingles_b.shingle_parts', part_count) }}
            as shared_shingle_count,
        shingles_a.shingle_count + shingles_b.shingle_count as summed_shingle_count,
    from to_measure
    inner join witness_shingles as shingles_a
        on to_measure.text_key_a = shingles_a.text_key
    inner join witness_shingles as shingles_b
        on to_measure.text_key_b = shingles_b.text_key

),

near_precision_pairs as (

    select 1 as is_precise,
    from witnessed_pairs
    where is_measured_upstream
    union all
    -- the Jaccard similarity of the two shingle sets
    select
        (
            shared_shingle_count / (summed_shingle_count - shared_shingle_count)
            >= {{ var('near_duplicate_threshold') }}
        )::integer as is_precise,
    from measured_pairs

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

    select * from exact_recall
    union all
    select * from near_recall
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
