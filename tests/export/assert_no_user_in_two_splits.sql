-- The split is grouped by writer: no user pseudonym has exported examples in two splits.
with

exported as (

    select * from {{ ref('curated_training_data') }}
    where message_id is not null

),

curated as (

    select * from {{ ref('curated_messages') }}
    where user_pseudonym is not null

),

final as (

    select
        curated.user_pseudonym,
        count(distinct exported.split) as split_count,
    from curated
    inner join exported
        on curated.message_id = exported.message_id
    group by curated.user_pseudonym
    having count(distinct exported.split) > 1

)

select * from final
