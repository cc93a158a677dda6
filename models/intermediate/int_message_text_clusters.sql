-- One row per matching text that has at least one near duplicate: the near-duplicate cluster it
-- belongs to, i.e. the connected component of the verified pairs, named by its smallest text key.
-- Components come from min-label propagation: each round a text takes the smallest label among
-- itself and its neighbours, then the label of its label (pointer jumping), which roughly halves
-- the remaining distance each round. `near_duplicate_cluster_rounds` rounds are run; the test
-- assert_near_duplicate_clusters_converged fails if a verified pair still spans two labels.
{%- set rounds = var('near_duplicate_cluster_rounds') | int %}
with

pairs as (

    select * from {{ ref('int_message_text_pairs_verified') }}

),

edges as (

    select
        text_key_a as text_key,
        text_key_b as neighbour_key,
    from pairs
    union
    select
        text_key_b as text_key,
        text_key_a as neighbour_key,
    from pairs

),

labels_0 as (

    select distinct
        text_key,
        text_key as cluster_key,
    from edges

),
{%- for round in range(1, rounds + 1) %}

    propagated_{{ round }} as (

        select
            labels.text_key,
            least(labels.cluster_key, min(neighbour_labels.cluster_key)) as cluster_key,
        from labels_{{ round - 1 }} as labels
        inner join edges
            on labels.text_key = edges.text_key
        inner join labels_{{ round - 1 }} as neighbour_labels
            on edges.neighbour_key = neighbour_labels.text_key
        group by labels.text_key, labels.cluster_key

    ),

    labels_{{ round }} as (

        select
            propagated.text_key,
            least(propagated.cluster_key, coalesce(jumped.cluster_key, propagated.cluster_key)) as cluster_key,
        from propagated_{{ round }} as propagated
        left join propagated_{{ round }} as jumped
            on propagated.cluster_key = jumped.text_key

    ),
{%- endfor %}

final as (

    select
        text_key,
        cluster_key,
    from labels_{{ rounds }}

)

select * from final
