-- One row per distinct matching text (normalised, redacted, lower-cased) of a valid message with
-- at least `near_duplicate_min_shingles` character shingles: its shingle set and its MinHash
-- signature by one-permutation hashing. Each shingle is hashed once; the hash picks one of K bins
-- (K = bands x rows per band) and the bin keeps its smallest hash. The signature is a string of K
-- characters, one per bin: the bin's minimum reduced to one of 90 printable symbols (b-bit
-- MinHash), or `.` for an empty bin; the mask marks the empty bins (`.`) among the others (`1`)
-- so that pairs can count the bins empty in both. Shorter texts are left to the exact step.
{%- set shingle_size = var('near_duplicate_shingle_size') | int %}
{%- set bin_count = (var('near_duplicate_bands') | int) * (var('near_duplicate_rows_per_band') | int) %}
with

messages as (

    select * from {{ ref('int_messages_validated') }}
    where rejection_reason is null

),

texts as (

    select distinct
        md5(message_text_match) as text_key,
        message_text_match,
    from messages
    where length(message_text_match) >= {{ shingle_size + (var('near_duplicate_min_shingles') | int) - 1 }}

),

shingled as (

    select
        text_key,
        {{ character_shingle_hashes('message_text_match', shingle_size) }} as shingle_hashes,
    from texts

),

shingles as (

    select
        text_key,
        unnest(shingle_hashes) as shingle_hash,
    from shingled

),

bin_minima as (

    select
        text_key,
        (shingle_hash % {{ bin_count }})::integer as bin_index,
        min(shingle_hash // {{ bin_count }}) as bin_minimum,
    from shingles
    group by text_key, bin_index

),

bin_symbols as (

    select
        text_key,
        map(
            list(bin_index),
            -- 90 symbols: the printable ASCII characters from `!` on, skipping `.` (the empty bin)
            list(chr((bin_minimum % 90)::integer + 33 + ((bin_minimum % 90)::integer >= 13)::integer))
        ) as symbol_by_bin,
    from bin_minima
    group by text_key

),

signed as (

    select
        shingled.text_key,
        shingled.shingle_hashes,
        array_to_string(
            list_transform(
                range({{ bin_count }}),
                lambda bin_index: coalesce(bin_symbols.symbol_by_bin[bin_index::integer], '.')
            ),
            ''
        ) as minhash_signature,
    from shingled
    inner join bin_symbols
        on shingled.text_key = bin_symbols.text_key

),

final as (

    select
        text_key,
        shingle_hashes,
        minhash_signature,
        regexp_replace(minhash_signature, '[^.]', '1', 'g') as empty_bin_mask,
        {{ bin_count }} - length(replace(minhash_signature, '.', '')) as empty_bin_count,
    from signed

)

select * from final
