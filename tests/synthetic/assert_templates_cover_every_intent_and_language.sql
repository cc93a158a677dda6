-- The generator can write every intent in every language it can draw a locale for, on every channel.
with

needed as (

    select
        taxonomy.intent,
        locales.language,
        channels.channel
    from {{ ref('intent_taxonomy') }} as taxonomy
    cross join (select distinct language from {{ ref('locale_jurisdictions') }}) as locales
    cross join {{ ref('channels') }} as channels

)

select needed.*
from needed
left join {{ ref('synthetic_templates_listed') }} as templates
    on needed.intent = templates.intent and needed.language = templates.language
left join {{ ref('synthetic_frames_listed') }} as frames
    on needed.channel = frames.channel and needed.language = frames.language
where templates.intent is null or frames.channel is null
