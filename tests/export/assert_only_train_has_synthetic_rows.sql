-- Balancing touches the train split only: validation and test keep the natural class mix.
-- Synthetic rows are vector-only (no text, no message id) and say how they were made.
select
    example_id,
    split,
    synthesis_method,
from {{ ref('curated_training_data') }}
where
    (is_synthetic and (
        split != 'train' or text is not null or message_id is not null
        or synthesis_method = 'none'
    ))
    or (not is_synthetic and synthesis_method != 'none')
