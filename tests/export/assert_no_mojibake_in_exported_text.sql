-- No exported text shows mojibake markers (has_mojibake_markers): texts the ftfy repair and the
-- normalisation could not clean are quarantined (garbled_text), never exported.
with

exported as (

    select * from {{ ref('curated_training_data') }}

)

select
    example_id,
    text,
from exported
where {{ has_mojibake_markers('text') }}
