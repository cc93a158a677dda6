-- One row per original synthetic message: every random choice the generator makes for it
-- (intent, locale, channel, template, frame, slot values), before any text is written.
{%- set n_total = var('synthetic_messages') | int %}
{%- set n_exact = (n_total * var('synthetic_exact_duplicate_rate', 0.03)) | int %}
{%- set n_near = (n_total * var('synthetic_near_duplicate_rate', 0.015)) | int %}
{%- set n_drafts = n_total - n_exact - n_near %}
{%- set slots = ['data', 'account', 'marketing', 'sensitive', 'consent_target',
                 'field', 'destination', 'regulator', 'timeframe', 'thing'] %}
{#- Slots added later draw from their own hash, so that the draws of the slots above stay as they were. #}
{%- set slots_3 = ['stars', 'city', 'amount'] %}
{#- Share of app reviews written from review templates (the rest from short templates in a star
    frame), and of e-mails that are replies quoting earlier mail, where the intent has such templates. #}
{%- set review_share = 0.6 %}
{%- set thread_share = 0.2 %}
with

taxonomy as (

    select * from {{ ref('intent_taxonomy') }}

),

locales as (

    select * from {{ ref('locale_jurisdictions') }}

),

channels as (

    select * from {{ ref('channels') }}

),

templates as (

    select * from {{ ref('synthetic_templates_listed') }}

),

vocabulary as (

    select * from {{ ref('synthetic_vocabulary_listed') }}

),

frames as (

    select * from {{ ref('synthetic_frames_listed') }}

),

{#- Cumulative bounds for weighted draws; the last bound is 2 so that every draw in [0, 1) finds one. #}

intent_bounds as (

    select
        intent,
        case
            when row_number() over (order by intent desc) = 1 then 2.0
            else sum(synthetic_share) over (order by intent) / sum(synthetic_share) over ()
        end as upper_bound,
    from taxonomy

),

locale_bounds as (

    select
        locale,
        language,
        case
            when row_number() over (order by locale desc) = 1 then 2.0
            else sum(synthetic_share) over (order by locale) / sum(synthetic_share) over ()
        end as upper_bound,
    from locales

),

channel_bounds as (

    select
        channel,
        is_short_form,
        case
            when row_number() over (order by channel desc) = 1 then 2.0
            else sum(synthetic_share) over (order by channel) / sum(synthetic_share) over ()
        end as upper_bound,
    from channels

),

draft_indices as (

    select range as draft_index
    from range({{ [n_drafts, 0] | max }})

),

hashed as (

    select
        draft_index,
        {{ synthetic_hash('choice', 'draft_index') }} as choice_hash,
        {{ synthetic_hash('slot', 'draft_index') }} as slot_hash,
        {{ synthetic_hash('slot2', 'draft_index') }} as slot_hash_2,
        {{ synthetic_hash('slot3', 'draft_index') }} as slot_hash_3,
    from draft_indices

),

drawn as (

    select
        *,
        {{ synthetic_uniform('choice_hash', 0) }} as u_intent,
        {{ synthetic_uniform('choice_hash', 1) }} as u_locale,
        {{ synthetic_uniform('choice_hash', 2) }} as u_channel,
        {{ synthetic_uniform('choice_hash', 3) }} as u_template,
        {{ synthetic_uniform('choice_hash', 4) }} as u_frame,
        {{ synthetic_uniform('choice_hash', 5) }} as u_time_high,
        {{ synthetic_uniform('choice_hash', 6) }} as u_time_low,
        {{ synthetic_uniform('choice_hash', 7) }} as u_user,
        {{ synthetic_uniform('slot_hash_3', 0) }} as u_register,
    from hashed

),

with_intent as (

    select
        drawn.*,
        intent_bounds.intent,
    from drawn
    asof inner join intent_bounds
        on drawn.u_intent < intent_bounds.upper_bound

),

with_locale as (

    select
        with_intent.*,
        locale_bounds.locale,
        locale_bounds.language,
    from with_intent
    asof inner join locale_bounds
        on with_intent.u_locale < locale_bounds.upper_bound

),

with_channel as (

    select
        with_locale.*,
        channel_bounds.channel,
        channel_bounds.is_short_form,
    from with_locale
    asof inner join channel_bounds
        on with_locale.u_channel < channel_bounds.upper_bound

),

with_template as (

    select
        with_channel.*,
        {{ pick_from_list(
            "case
                when with_channel.channel = 'app_review' and with_channel.u_register < " ~ review_share ~ "
                    and len(templates.review_templates) > 0
                    then templates.review_templates
                when with_channel.channel = 'email' and with_channel.u_register < " ~ thread_share ~ "
                    and len(templates.thread_templates) > 0
                    then templates.thread_templates
                when with_channel.is_short_form and len(templates.short_templates) > 0
                    then templates.short_templates
                else templates.templates
            end",
            'with_channel.u_template'
        ) }} as template,
        {{ pick_from_list('frames.frames', 'with_channel.u_frame') }} as channel_frame_text,
    from with_channel
    inner join templates
        on
            with_channel.intent = templates.intent
            and with_channel.language = templates.language
    inner join frames
        on
            with_channel.channel = frames.channel
            and with_channel.language = frames.language

),

final as (

    select
        with_template.draft_index,
        with_template.intent,
        with_template.locale,
        with_template.language,
        with_template.channel,
        with_template.template.template_id,
        with_template.template.template_text,
        with_template.template.is_hard_negative,
        -- reviews and e-mail replies carry their own rating or quote: no channel frame around them
        case
            when with_template.template.register in ('review', 'thread') then '{body}'
            else with_template.channel_frame_text
        end as frame_text,
        {{ pick_from_list('vocabulary.slot_service', synthetic_uniform('with_template.slot_hash', 0)) }}
            as slot_service,
        {%- for slot in slots %}
        {{ pick_from_list(
            'vocabulary.slot_' ~ slot,
            synthetic_uniform('with_template.slot_hash' ~ ('' if loop.index0 < 7 else '_2'), (loop.index0 + 1) % 8)
        ) }} as slot_{{ slot }},
        {%- endfor %}
        {%- for slot in slots_3 %}
        {{ pick_from_list(
            'vocabulary.slot_' ~ slot,
            synthetic_uniform('with_template.slot_hash_3', loop.index)
        ) }} as slot_{{ slot }},
        {%- endfor %}
        {{ pick_from_list('vocabulary.first_names', synthetic_uniform('with_template.slot_hash_2', 4)) }}
            as first_name,
        {{ pick_from_list('vocabulary.last_names', synthetic_uniform('with_template.slot_hash_2', 5)) }}
            as last_name,
        timestamp '2025-01-01 00:00:00'
        + to_seconds(
            floor((with_template.u_time_high + with_template.u_time_low / 65536.0) * 365 * 86400)::bigint
        ) as created_at,
        case
            when with_template.u_user < 0.7
                then 'syn-user-' || lpad(
                    floor(with_template.u_user / 0.7 * {{ [n_total // 3, 1] | max }})::bigint::varchar, 8, '0'
                )
        end as user_id,
    from with_template
    inner join vocabulary
        on with_template.language = vocabulary.language

)

select * from final
