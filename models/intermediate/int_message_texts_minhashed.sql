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

keyed as (

    -- each shingle hash as its bin and the value the bin's minimum is taken over; sorted by both,
    -- each bin's minimum is the first key of the bin
    select
        text_key,
        shingle_hashes,
        list_sort(list_transform(
            shingle_hashes,
            lambda shingle_hash: struct_pack(
                bin_index := (shingle_hash % {{ bin_count }})::integer,
                bin_value := shingle_hash // {{ bin_count }}
            )
        )) as sorted_keys,
    from shingled

),

bin_minima as (

    -- a key is its bin's minimum when the key before it (zipped alongside) is in another bin
    select
        text_key,
        shingle_hashes,
        list_transform(
            list_filter(
                list_zip(sorted_keys, [null] || list_slice(sorted_keys, 1, len(sorted_keys) - 1)),
                lambda key_pair: key_pair[2] is null or key_pair[1]['bin_index'] != key_pair[2]['bin_index']
            ),
            lambda key_pair: key_pair[1]
        ) as minimum_keys,
    from keyed

),

bin_symbols as (

    select
        text_key,
        shingle_hashes,
        list_transform(minimum_keys, lambda bin_key: bin_key['bin_index']) as bin_indices,
        -- 90 symbols: the printable ASCII characters from `!` on, skipping `.` (the empty bin)
        list_transform(
            minimum_keys,
            lambda bin_key: chr(
                (bin_key['bin_value'] % 90)::integer + 33 + ((bin_key['bin_value'] % 90)::integer >= 13)::integer
            )
        ) as symbols,
    from bin_minima

),

signed as (

    -- each non-empty bin's symbol after a `.` for every empty bin since the previous one (zipped
    -- alongside), then a `.` for every empty bin after the last
    select
        text_key,
        shingle_hashes,
        array_to_string(
            list_transform(
                list_zip(bin_indices, [-1] || list_slice(bin_indices, 1, len(bin_indices) - 1), symbols),
                lambda bin_step: repeat('.', bin_step[1] - bin_step[2] - 1) || bin_step[3]
            ),
            ''
        ) || repeat('.', {{ bin_count }} - 1 - bin_indices[-1]) as minhash_signature,
    from bin_symbols

),

final as (

    select
        text_key,
        shingle_hashes,
        minhash_signature,
        -- each of the 90 symbols becomes `1` (a character map: cheaper than a regular expression)
        translate(
            minhash_signature,
            '!"#$%&''()*+,-/0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{',
            '{{ "1" * 90 }}'
        ) as empty_bin_mask,
        {{ bin_count }} - length(replace(minhash_signature, '.', '')) as empty_bin_count,
    from signed

)

select * from final
