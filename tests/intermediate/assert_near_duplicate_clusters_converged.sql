-- Label propagation ran enough rounds: both texts of every verified near-duplicate pair ended in
-- the same cluster. A row here means `near_duplicate_cluster_rounds` is too small for the data.
with

pairs as (

    select * from {{ ref('int_message_text_pairs_verified') }}

),

clusters as (

    select * from {{ ref('int_message_text_clusters') }}

),

final as (

    select
        pairs.text_key_a,
        pairs.text_key_b,
        clusters_a.cluster_key as cluster_key_a,
        clusters_b.cluster_key as cluster_key_b,
    from pairs
    left join clusters as clusters_a
        on pairs.text_key_a = clusters_a.text_key
    left join clusters as clusters_b
        on pairs.text_key_b = clusters_b.text_key
    where clusters_a.cluster_key is distinct from clusters_b.cluster_key

)

select * from final
