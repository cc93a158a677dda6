{{ config(severity='warn') }}
-- Every label of the taxonomy should reach every split (control only when control_ratio > 0). A
-- warning, not an error: a small build on own data alone can hold too few examples of a rare label
-- to give one to each split (the control split, 5% of the pool, first). Each failing row names the
-- label and the split that lacks it: select * from main_dbt_test__audit.assert_every_label_in_every_split
with

export as (

    select * from {{ ref('curated_training_data') }}

),

taxonomy as (

    select * from {{ ref('intent_taxonomy') }}

),

splits as (

    select unnest({{ ['train', 'validation', 'test'] + (['control'] if var('control_ratio') > 0 else []) }}) as split

),

expected as (

    select
        splits.split,
        taxonomy.intent,
    from splits
    cross join taxonomy

),

present as (

    select distinct
        split,
        intent,
    from export

),

final as (

    select
        expected.split,
        expected.intent,
        'label ' || expected.intent || ' has no example in split ' || expected.split as problem,
    from expected
    anti join present
        on expected.split = present.split and expected.intent = present.intent
    order by expected.split, expected.intent

)

select * from final
