-- A message (and so its duplicate cluster, which it represents) appears in one split only, once.
select
    message_id,
    count(*) as example_count,
    count(distinct split) as split_count,
from {{ ref('curated_training_data') }}
where message_id is not null
group by message_id
having count(*) > 1
