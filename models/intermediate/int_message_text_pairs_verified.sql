-- One row per pair of distinct matching texts that are near duplicates: the Jaccard similarity of
-- their character-shingle sets reaches `near_duplicate_threshold`. A candidate whose MinHash
-- estimate clears the threshold by more than its margin (three standard errors) is accepted on
-- the estimate; every other candidate is decided by the exact Jaccard similarity of the two sets.
-- Before the exact count, a cheap bound drops the candidates that cannot reach the threshold: each
-- shingle key (one-to-one with the shingle's hash) falls in one of 504 bins (8 words of 63 bits),
-- and a text keeps one parity bit per bin (odd or even count of its shingles there). A bin whose
-- bits differ holds at least one shingle of one text only, so the bins differing in parity, or
-- the difference of the set sizes if larger, are a lower bound d on the shingles not shared. With
-- s the sum of the two set sizes, the Jaccard similarity (s - d') / (s + d') falls as the true
-- count d' grows, so (s - d) / (s + d) is an upper bound: a candidate whose bound is below the
-- threshold is dropped without changing the result.
-- The shared shingles of the candidates left are counted within each word's part of the two sets
-- (a shingle falls in the same part of both): a linear scan of parts an eighth of the sets.
{%- set parity_words = 8 %}
{%- set word_bits = 63 %}
{%- set parity_bins = parity_words * word_bits %}
{%- set threshold = var('near_duplicate_threshold') %}
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
    where estimated_similarity >= {{ threshold }} + estimate_margin

),

to_measure as (

    select * from candidates
    where estimated_similarity < {{ threshold }} + estimate_margin

),

shingle_parts as (

    -- each measured text's shingle set cut into {{ parity_words }} parts by parity word (a shared shingle
    -- falls in the same part of both sets)
    select
        text_key,
        len(shingle_keys) as shingle_count,
        {{ shingle_parts('shingle_keys', parity_words, word_bits) }} as shingle_parts,
    from texts
    where text_key in (
        select text_key_a from to_measure
        union
        select text_key_b from to_measure
    )

),

parities as (

    -- the parity bits of the {{ parity_bins }} bins, {{ word_bits }} to a word, one word per part (a bin's bit
    -- flips with each shingle in it)
    select
        text_key,
        shingle_count,
        shingle_parts,
        [
            {%- for word in range(parity_words) %}
                coalesce(list_aggregate(list_transform(
                    shingle_parts[{{ word + 1 }}],
                    lambda shingle_key: 1::ubigint << (shingle_key % {{ parity_bins }} % {{ word_bits }})
                ), 'bit_xor'), 0){{ "," if not loop.last }}
            {%- endfor %}
        ] as parity_words,
    from shingle_parts

),

bounded as (

    select
        to_measure.text_key_a,
        to_measure.text_key_b,
        parities_a.shingle_count + parities_b.shingle_count as summed_shingle_count,
        greatest(
            abs(parities_a.shingle_count - parities_b.shingle_count),
            {%- for word in range(parity_words) %}
                bit_count(
                    xor(parities_a.parity_words[{{ word + 1 }}], parities_b.parity_words[{{ word + 1 }}])
                )::integer{{ " +" if not loop.last }}
            {%- endfor %}
        ) as unshared_lower_bound,
    from to_measure
    inner join parities as parities_a
        on to_measure.text_key_a = parities_a.text_key
    inner join parities as parities_b
        on to_measure.text_key_b = parities_b.text_key

),

reachable as (

    -- a small tolerance keeps a pair whose bound equals the threshold but rounds below it
    select
        text_key_a,
        text_key_b,
    from bounded
    where
        (summed_shingle_count - unshared_lower_bound) / (summed_shingle_count + unshared_lower_bound)
        >= {{ threshold }} - 1e-9

),

measured as (

    -- the shared shingles counted part by part: a linear scan per shingle beats list_intersect
    -- (which builds a hash set) on lists this short, and the parts cut the comparisons {{ parity_words }}-fold
    select
        reachable.text_key_a,
        reachable.text_key_b,
        {{ shared_shingle_count('parities_a.shingle_parts', 'parities_b.shingle_parts', parity_words) }}
            as shared_shingle_count,
        parities_a.shingle_count + parities_b.shingle_count as summed_shingle_count,
    from reachable
    inner join parities as parities_a
        on reachable.text_key_a = parities_a.text_key
    inner join parities as parities_b
        on reachable.text_key_b = parities_b.text_key

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
    where similarity >= {{ threshold }}

)

select * from final
