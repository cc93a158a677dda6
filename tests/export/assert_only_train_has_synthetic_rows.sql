-- Balancing touches the train split only: validation and test keep the natural class mix.
-- Synthetic rows have no message id and say how they were made; interpolated (SMOTE-family) rows
-- have no text, copies and augmented texts do.
select
    example_id,
    split,
    synthesis_method,
from {{ ref('curated_training_data') }}
where
    (is_synthetic and (
        split != 'train' or message_id is not null or synthesis_method = 'none'
        or (text is null) != (synthesis_method in ('smote', 'smotenc', 'adasyn', 'borderline_smote'))
    ))
    or (not is_synthetic and synthesis_method != 'none')
