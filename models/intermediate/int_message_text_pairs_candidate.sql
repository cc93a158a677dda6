-- One row per candidate pair of distinct matching texts from locality-sensitive banding. The
-- signature is cut into `near_duplicate_bands` bands of `near_duplicate_rows_per_band` bins; two
-- texts whose band is identical share a bucket (a band of empty bins only is no evidence and is
-- skipped). A bucket of up to 64 texts gives every pair; in a larger one (template siblings),
-- each text is paired with the bucket's first text and the 4 texts before it (by text key), so
-- the work stays linear in the bucket's size. The one-permutation estimate
-- of the pair's Jaccard similarity is the share of agreeing bins among the bins not empty in both;
-- its margin is three standard errors, 3 sqrt(t (1 - t) / bins), at the threshold t. A pair whose
-- estimate falls below the threshold by more than the margin is dropped.
{%- set bands = var('near_duplicate_bands') | int %}
{%- set rows_per_band = var('near_duplicate_rows_per_band') | int %}
{%- set bin_count = bands * rows_per_band %}
{%- set threshold = var('near_duplicate_threshold') %}
{%- set max_bucket_pairs = 64 %}
{%- set window = 4 %}
with

texts as (

    select * from {{ ref('int_message_texts_minhashed') }}

),

bands as (

    select
        texts.text_key,
        band_indices.band_index,
        substr(texts.minhash_signature, band_indices.band_index * {{ rows_per_band }} + 1, {{ rows_per_band }}) as band_value,
    from texts
    cross join range({{ bands }}) as band_indices (band_index)

),

buckets as (

    select
        text_key,
        band_index,
        band_value,
        row_number() over bucket as bucket_position,
        count(*) over (partition by band_index, band_value) as bucket_size,
        first_value(text_key) over bucket as first_text_key,
    from bands
    where band_value != '{{ "." * rows_per_band }}'
    window bucket as (partition by band_index, band_value order by text_key)

),

shared as (

    select * from buckets
    where bucket_size > 1

),

linked as (

    -- every pair of a bucket of up to {{ max_bucket_pairs }} texts; in a larger bucket, each text with
    -- the bucket's first text and the {{ window }} texts before it
    select distinct
        earlier.text_key as text_key_a,
        later.text_key as text_key_b,
    from shared as later
    inner join shared as earlier
        on
            later.band_index = earlier.band_index
            and later.band_value = earlier.band_value
            and later.bucket_position > earlier.bucket_position
            and (
                later.bucket_size <= {{ max_bucket_pairs }}
                or earlier.bucket_position = 1
                or earlier.bucket_position >= later.bucket_position - {{ window }}
            )

),

compared as (

    select
        linked.text_key_a,
        linked.text_key_b,
        hamming(texts_a.minhash_signature, texts_b.minhash_signature) as differing_bin_count,
        (
            texts_a.empty_bin_count + texts_b.empty_bin_count
            - hamming(texts_a.empty_bin_mask, texts_b.empty_bin_mask)
        ) // 2 as both_empty_bin_count,
    from linked
    inner join texts as texts_a
        on linked.text_key_a = texts_a.text_key
    inner join texts as texts_b
        on linked.text_key_b = texts_b.text_key

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
