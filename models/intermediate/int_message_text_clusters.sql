-- One row per matching text that has at least one near duplicate: the near-duplicate cluster it
-- belongs to, i.e. the connected component of the verified pairs, named by its smallest text key.
-- Components come from min-label propagation: each round a text takes the smallest label among
-- itself and its neighbours, then the label of its label (pointer jumping), which roughly halves
-- the remaining distance each round. `near_duplicate_cluster_rounds` rounds are run; the test
-- assert_near_duplicate_clusters_converged fails if a verified pair still spans two labels.
-- The rounds run on numbers given to the texts in text-key order (the smallest number is the
-- smallest key), so each join and aggregate carries integers; the keys come back at the end.
{%- set rounds = var('near_duplicate_cluster_rounds') | int %}
with

pairs as (

    select * from {{ ref('int_message_text_pairs_verified') }}

),

paired_texts as (

    select text_key_a as text_key from pairs
    union
    select text_key_b as text_key from pairs

),

numbered as (

    select
        text_key,
        row_number() over (order by text_key) as text_number,
    from paired_texts

),

numbered_pairs as (

    select
        numbered_a.text_number as text_number_a,
        numbered_b.text_number as text_number_b,
    from pairs
    inner join numbered as numbered_a
        on pairs.text_key_a = numbered_a.text_key
    inner join numbered as numbered_b
        on pairs.text_key_b = numbered_b.text_key

),

edges as (

    -- a pair's two texts are distinct, so its two directions never meet
    select
        text_number_a as text_number,
        text_number_b as neighbour_number,
    from numbered_pairs
    union all
    select
        text_number_b as text_number,
        text_number_a as neighbour_number,
    from numbered_pairs

),

labels_0 as (

    select
        text_number,
        text_number as cluster_number,
    from numbered

),
{%- for round in range(1, rounds + 1) %}

    propagated_{{ round }} as (

        select
            labels.text_number,
            least(labels.cluster_number, min(neighbour_labels.cluster_number)) as cluster_number,
        from labels_{{ round - 1 }} as labels
        inner join edges
            on labels.text_number = edges.text_number
        inner join labels_{{ round - 1 }} as neighbour_labels
            on edges.neighbour_number = neighbour_labels.text_number
        group by labels.text_number, labels.cluster_number

    ),

    labels_{{ round }} as (

        select
            propagated.text_number,
            least(
                propagated.cluster_number, coalesce(jumped.cluster_number, propagated.cluster_number)
            ) as cluster_number,
        from propagated_{{ round }} as propagated
        left join propagated_{{ round }} as jumped
            on propagated.cluster_number = jumped.text_number

    ),
{%- endfor %}

final as (

    select
        texts.text_key,
        clusters.text_key as cluster_key,
    from labels_{{ rounds }} as labels
    inner join numbered as texts
        on labels.text_number = texts.text_number
    inner join numbered as clusters
        on labels.cluster_number = clusters.text_number

)

select * from final
