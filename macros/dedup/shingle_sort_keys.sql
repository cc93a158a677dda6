{# Each 64-bit shingle hash of a list as its one-permutation-hashing sort key: the hash h falls in
   bin h % bin_count and the bin's minimum is taken over h // bin_count; the key counts the (bin,
   value) pairs before it, so sorted keys are in bin order and, within a bin, in value order, and
   the keys are the 2^64 hashes again, one to one (two sets of keys share as many values as their
   hashes). 2^64 = bin_count x bin_size + larger_bins: the first larger_bins bins hold one value more.
   The bin's offset is a case, not least(), which cost 2 of int_message_texts_minhashed's 23 CPU
   seconds at 1,000,000 messages (docs/benchmarks.md). #}
{% macro shingle_sort_keys(hashes_expression, bin_count) -%}
    {%- set bin_size = (2 ** 64) // bin_count %}
    {%- set larger_bins = (2 ** 64) % bin_count -%}
    list_transform(
        {{ hashes_expression }},
        lambda shingle_hash: shingle_hash // {{ bin_count }}
        + (shingle_hash % {{ bin_count }}) * {{ bin_size }}
        + case
            when shingle_hash % {{ bin_count }} < {{ larger_bins }} then shingle_hash % {{ bin_count }}
            else {{ larger_bins }}
        end
    )
{%- endmacro %}
