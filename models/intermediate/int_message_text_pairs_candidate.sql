-- One row per candidate pair of distinct matching texts from locality-sensitive banding (the pairs
-- sharing a bucket, int_message_text_pairs_banded) whose MinHash estimate is close enough to the
-- threshold. The one-permutation estimate of the pair's Jaccard similarity is the share of
-- agreeing bins among the bins not empty in both; its margin is three standard errors,
-- 3 sqrt(t (1 - t) / bins), at the threshold t. A pair whose estimate falls below the threshold by
-- more than the margin is dropped.
-- The pairs arrive as text numbers (rank in text-key order); the texts are numbered the same way
-- here, and the keys come back at the end.
{%- set bin_count = (var('near_duplicate_bands') | int) * (var('near_duplicate_rows_per_band') | int) %}
{%- set threshold = var('near_duplicate_threshold') %}
with

texts as (

    select * from {{ ref('int_message_texts_minhashed') }}

),

linked as (

    select * from {{ ref('int_message_text_pairs_banded') }}

),

numbered as (

    select
        row_number() over (order by text_key) as text_number,
        text_key,
        minhash_signature,
        empty_bin_mask,
        empty_bin_count,
    from texts

),

compared as (

    select
        texts_a.text_key as text_key_a,
        texts_b.text_key as text_key_b,
        hamming(texts_a.minhash_signature, texts_b.minhash_signature) as differing_bin_count,
        (
            texts_a.empty_bin_count + texts_b.empty_bin_count
            - bit_count(xor(texts_a.empty_bin_mask, texts_b.empty_bin_mask))
        ) // 2 as both_empty_bin_count,
    from linked
    inner join numbered as texts_a
        on linked.text_number_a = texts_a.text_number
    inner join numbered as texts_b
        on linked.text_number_b = texts_b.text_number

),

estimated as (

    select
        text_key_a,
        text_key_b,
        ({{ bin_count }} - differing_bin_count - both_empty_bin_count)
        / ({{ bin_count }} - both_empty_bin_count) as estimated_similarity,
        3 * sqrt(
            {{ threshold }} * (1 - {{ threshold }}) / ({{ bin_count }} - both_empty_bin_count)
        ) as estimate_margin,
    from compared

),

final as (

    select * from estimated
    where estimated_similarity >= {{ threshold }} - estimate_margin

)

select * from final
