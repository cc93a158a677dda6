-- One row per pair of distinct matching texts that share an LSH bucket, as the two texts' numbers
-- (each text's rank in text-key order among the minhashed texts, so the smaller number is the
-- smaller key). The signature is cut into `near_duplicate_bands` bands of
-- `near_duplicate_rows_per_band` bins; two texts whose band is identical share a bucket (a band of
-- empty bins only is no evidence and is skipped). A bucket of up to 64 texts gives every pair; in
-- a larger one (template siblings), each text is paired with the bucket's first text and the 4
-- texts before it (by text key), so the work stays linear in the bucket's size.
-- Bounded memory: the buckets, the pairs and their de-duplication carry two integers per row, and
-- texts alone in their bucket are dropped by an aggregate (which spills) before the window numbers
-- the buckets' texts. The pairs are a table of their own so that int_message_text_pairs_candidate,
-- which looks up both texts' signatures, joins two tables of known size: inside one query DuckDB
-- underestimated the pairs and built its hash table on them (ten times slower at 1M messages).
{%- set bands = var('near_duplicate_bands') | int %}
{%- set rows_per_band = var('near_duplicate_rows_per_band') | int %}
{%- set max_bucket_pairs = 64 %}
{%- set window = 4 %}
{%- set pair_base = 2 ** 32 %}
with

texts as (

    select * from {{ ref('int_message_texts_minhashed') }}

),

numbered as (

    select
        row_number() over (order by text_key) as text_number,
        minhash_signature,
    from texts

),

bands as (

    -- the two lists unnest side by side: one row per text and band
    select
        text_number,
        unnest(range({{ bands }})) as band_index,
        unnest([
            {%- for band in range(bands) %}
                substr(minhash_signature, {{ band * rows_per_band + 1 }}, {{ rows_per_band }}){{ "," if not loop.last }}
            {%- endfor %}
        ]) as band_value,
    from numbered

),

bucket_keys as (

    -- each band as one 64-bit bucket key, the hash of its index and value: one integer is cheaper
    -- to group, partition and join on than the two columns (a fifth of this model's time). Two
    -- buckets whose keys collide (odds about 10^-6 at 1,000,000 messages) would be one: extra
    -- pairs, which int_message_text_pairs_candidate tests and drops
    select
        text_number,
        hash(band_index, band_value) as bucket_key,
    from bands
    where band_value != '{{ "." * rows_per_band }}'

),

shared_buckets as (

    -- the buckets of two texts or more
    select
        bucket_key,
        count(*) as bucket_size,
    from bucket_keys
    group by bucket_key
    having count(*) > 1

),

buckets as (

    select
        bucket_keys.text_number,
        bucket_keys.bucket_key,
        shared_buckets.bucket_size,
        row_number() over bucket as bucket_position,
        first_value(bucket_keys.text_number) over bucket as first_text_number,
        -- the {{ window }} texts before this one in its bucket, for the large buckets
        [
            {%- for step in range(1, window + 1) %}
                lag(bucket_keys.text_number, {{ step }}) over bucket{{ "," if not loop.last }}
            {%- endfor %}
        ] as previous_text_numbers,
    from bucket_keys
    inner join shared_buckets
        on bucket_keys.bucket_key = shared_buckets.bucket_key
    window bucket as (partition by bucket_keys.bucket_key order by bucket_keys.text_number)

),

small_buckets as (

    select
        text_number,
        bucket_key,
        bucket_position,
    from buckets
    where bucket_size <= {{ max_bucket_pairs }}

),

small_bucket_pairs as (

    -- every pair of a bucket of up to {{ max_bucket_pairs }} texts: the join stays within a bucket,
    -- so its size is bounded by {{ max_bucket_pairs }} times the rows
    select
        earlier.text_number as text_number_a,
        later.text_number as text_number_b,
    from small_buckets as later
    inner join small_buckets as earlier
        on
            later.bucket_key = earlier.bucket_key
            and later.bucket_position > earlier.bucket_position

),

large_bucket_pairs as (

    -- in a larger bucket, each text with the bucket's first text and the {{ window }} texts before it,
    -- read from the window rather than joined, so the work is linear in the bucket's size
    select
        unnest(list_distinct(list_append(previous_text_numbers, first_text_number))) as text_number_a,
        text_number as text_number_b,
    from buckets
    where bucket_size > {{ max_bucket_pairs }} and bucket_position > 1

),

linked as (

    -- union drops the pairs found in more than one band; each pair is one 64-bit code (the
    -- numbers stay below 2^32), cheaper to hash than two columns
    select text_number_a * {{ pair_base }} + text_number_b as pair_code from small_bucket_pairs
    union
    select text_number_a * {{ pair_base }} + text_number_b as pair_code from large_bucket_pairs

),

final as (

    select
        pair_code // {{ pair_base }} as text_number_a,
        pair_code % {{ pair_base }} as text_number_b,
    from linked

)

select * from final
