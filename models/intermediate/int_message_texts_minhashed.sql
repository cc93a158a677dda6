-- One row per distinct matching text (normalised, redacted, lower-cased) of a valid message with
-- at least `near_duplicate_min_shingles` character shingles: its shingle set and its MinHash
-- signature by one-permutation hashing. Each shingle is hashed once; the hash picks one of K bins
-- (K = bands x rows per band) and the bin keeps its smallest hash. The signature is a string of K
-- characters, one per bin: the bin's minimum reduced to one of 90 printable symbols (b-bit
-- MinHash), or `.` for an empty bin; the mask, a bit string, marks the empty bins (`0`) among the
-- others (`1`) so that pairs can count the bins empty in both. Shorter texts are left to the exact step.
-- The hashes are sorted once, as sort keys in bin order: the sorted list gives both each bin's
-- minimum (the first key of the bin) and the shingle set (each key unlike the one before it),
-- cheaper than a hash set per text (list_distinct took half of this model's time).
{%- set shingle_size = var('near_duplicate_shingle_size') | int %}
{%- set bin_count = (var('near_duplicate_bands') | int) * (var('near_duplicate_rows_per_band') | int) %}
{#- 2^64 = bin_count x bin_size + larger_bins: the first larger_bins bins hold one value more #}
{%- set bin_size = (2 ** 64) // bin_count %}
{%- set larger_bins = (2 ** 64) % bin_count %}
{%- set larger_bins_end = larger_bins * (bin_size + 1) %}
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
        -- every shingle's hash, a repeated shingle as often as it occurs (the sorted keys drop the repeats)
        {{ character_shingle_hashes('message_text_match', shingle_size, distinct=false) }} as shingle_hashes,
    from texts

),

keyed as (

    -- each shingle hash as one sort key ordered by its bin, then by the value the bin's minimum
    -- is taken over: the hash h is bin h % {{ bin_count }} and value h // {{ bin_count }}, and the key
    -- counts the (bin, value) pairs before it, so the keys are the 2^64 hashes again (a 64-bit
    -- sort, three times cheaper than sorting (bin, value) structs); sorted, each bin's minimum is
    -- the first key of the bin (macro shingle_sort_keys; report_duplicate_quality uses the same keys)
    select
        text_key,
        list_sort({{ shingle_sort_keys('shingle_hashes', bin_count) }}) as sorted_keys,
    from shingled

),

binned as (

    -- a key's bin: the first {{ larger_bins }} bins hold {{ bin_size + 1 }} values each, the others {{ bin_size }}
    select
        text_key,
        sorted_keys,
        list_transform(
            sorted_keys,
            lambda sort_key: case
                when sort_key < {{ larger_bins_end }} then sort_key // {{ bin_size + 1 }}
                else {{ larger_bins }} + (sort_key - {{ larger_bins_end }}) // {{ bin_size }}
            end::integer
        ) as key_bins,
    from keyed

),

bin_minima as (

    -- a key is its bin's minimum when the key before it (its bin zipped alongside) is in another
    -- bin (a repeated minimum is in the same bin as the key before it); each minimum as its key and
    -- bin; the shingle set: each key unlike the key before it (the keys are one-to-one with the
    -- hashes, so the keys of two texts share as many values as their hashes)
    select
        text_key,
        {{ sorted_list_distinct('sorted_keys') }} as shingle_keys,
        list_filter(
            list_zip(sorted_keys, key_bins, [-1] || list_slice(key_bins, 1, len(key_bins) - 1)),
            lambda key_step: key_step[2] != key_step[3]
        ) as minimum_keys,
    from binned

),

bin_symbols as (

    select
        text_key,
        shingle_keys,
        list_transform(minimum_keys, lambda bin_key: bin_key[2]) as bin_indices,
        -- the bin's value (the key less the keys of the bins before) reduced to one of 90 symbols:
        -- the printable ASCII characters from `!` on, skipping `.` (the empty bin)
        list_transform(
            minimum_keys,
            lambda bin_key: (
                case
                    when bin_key[1] < {{ larger_bins_end }} then bin_key[1] % {{ bin_size + 1 }}
                    else (bin_key[1] - {{ larger_bins_end }}) % {{ bin_size }}
                end % 90
            )::integer
        ) as symbol_indices,
    from bin_minima

),

signed as (

    -- each non-empty bin's symbol after a `.` for every empty bin since the previous one (zipped
    -- alongside), then a `.` for every empty bin after the last
    select
        text_key,
        shingle_keys,
        array_to_string(
            list_transform(
                list_zip(bin_indices, [-1] || list_slice(bin_indices, 1, len(bin_indices) - 1), symbol_indices),
                lambda bin_step: repeat('.', bin_step[1] - bin_step[2] - 1)
                || chr(bin_step[3] + 33 + (bin_step[3] >= 13)::integer)
            ),
            ''
        ) || repeat('.', {{ bin_count }} - 1 - bin_indices[-1]) as minhash_signature,
        {{ bin_count }} - len(bin_indices) as empty_bin_count,
    from bin_symbols

),

final as (

    select
        text_key,
        shingle_keys,
        minhash_signature,
        -- each of the 90 symbols becomes `1` and `.` becomes `0` (a character map: cheaper than a
        -- regular expression), as a bit string: 16 bytes a text in int_message_text_pairs_candidate's
        -- hash table, where the {{ bin_count }}-character text of `1` and `.` made it spill at 10,000,000 messages
        translate(
            minhash_signature,
            '.!"#$%&''()*+,-/0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{',
            '0{{ "1" * 90 }}'
        )::bit as empty_bin_mask,
        empty_bin_count,
    from signed

)

select * from final
