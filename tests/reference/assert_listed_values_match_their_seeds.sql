-- The lists macros give to SQL and YAML at compile time (intent_labels, channel_names) hold exactly the
-- values of their seeds (intent_taxonomy, channels): one row per value that only one side has.
with

listed as (

    select
        'intent' as list_name,
        unnest({{ intent_labels() }}) as value,

    union all

    select
        'channel' as list_name,
        unnest({{ channel_names() }}) as value,

),

seeded as (

    select
        'intent' as list_name,
        intent as value,
    from {{ ref('intent_taxonomy') }}

    union all

    select
        'channel' as list_name,
        channel as value,
    from {{ ref('channels') }}

),

final as (

    select
        coalesce(listed.list_name, seeded.list_name) as list_name,
        listed.value as listed_value,
        seeded.value as seeded_value,
    from listed
    full outer join seeded
        on listed.list_name = seeded.list_name and listed.value = seeded.value
    where listed.value is null or seeded.value is null

)

select * from final
