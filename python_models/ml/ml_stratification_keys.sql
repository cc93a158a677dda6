-- One row per curated message: the keys that sampling and splitting stratify and group by.
-- `semantic_density_bucket` is the tercile of the message's content-word share in the pool
-- (`low`, `medium`, `high`), with cut points taken from the pool so that equal shares always
-- share a bucket.
with

curated as (

    select * from {{ ref('curated_messages') }}

),

resolved as (

    select * from {{ ref('int_messages_resolved') }}
    where resolution = 'kept'

),

cut_points as (

    select
        quantile_disc(f_content_word_share, 1 / 3) as low_below,
        quantile_disc(f_content_word_share, 2 / 3) as high_above,
    from curated

),

final as (

    select
        curated.message_id,
        curated.intent,
        curated.channel,
        curated.locale,
        curated.language,
        curated.jurisdiction,
        case
            when curated.f_content_word_share < cut_points.low_below then 'low'
            when curated.f_content_word_share <= cut_points.high_above then 'medium'
            else 'high'
        end as semantic_density_bucket,
        curated.user_pseudonym,
        resolved.duplicate_cluster_id,
        curated.created_at,
    from curated
    cross join cut_points
    left join resolved
        on curated.message_id = resolved.message_id
    order by curated.message_id

)

select * from final
