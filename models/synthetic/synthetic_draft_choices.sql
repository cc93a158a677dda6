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
{#- Every list of synthetic_vocabulary_listed a draft draws from, with the uniform draw that picks its element. #}
{%- set vocabulary_draws = [('slot_service', synthetic_uniform('with_template.slot_hash', 0))] %}
{%- for slot in slots %}
    {%- do vocabulary_draws.append(('slot_' ~ slot, synthetic_uniform(
        'with_template.slot_hash' ~ ('' if loop.index0 < 7 else '_2'), (loop.index0 + 1) % 8))) %}
{%- endfor %}
{%- for slot in slots_3 %}
    {%- do vocabulary_draws.append(('slot_' ~ slot, synthetic_uniform('with_template.slot_hash_3', loop.index))) %}
{%- endfor %}
{%- do vocabulary_draws.append(('first_names', synthetic_uniform('with_template.slot_hash_2', 4))) %}
{%- do vocabulary_draws.append(('last_names', synthetic_uniform('with_template.slot_hash_2', 5))) %}
{%- set vocabulary_lists = vocabulary_draws | map(attribute=0) | list %}
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

{#- The lists above unnested, one row per element with its 1-based position, and their lengths:
    a draft joins the one element it draws instead of carrying every list along. #}

template_elements as (

    {%- for list_kind in ['templates', 'short_templates', 'review_templates', 'thread_templates'] %}
        select
            intent,
            language,
            '{{ list_kind }}' as list_kind,
            unnest(range(1, len({{ list_kind }}) + 1)) as element_position,
            unnest({{ list_kind }}) as template,
        from templates
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

template_counts as (

    select
        intent,
        language,
        len(templates) as n_templates,
        len(short_templates) as n_short_templates,
        len(review_templates) as n_review_templates,
        len(thread_templates) as n_thread_templates,
    from templates

),

frame_elements as (

    select
        channel,
        language,
        unnest(range(1, len(frames) + 1)) as element_position,
        unnest(frames) as frame_text,
    from frames

),

frame_counts as (

    select
        channel,
        language,
        len(frames) as n_frames,
    from frames

),

vocabulary_elements as (

    {%- for list_name in vocabulary_lists %}
        select
            language,
            '{{ list_name }}' as list_name,
            unnest(range(1, len({{ list_name }}) + 1)) as element_position,
            unnest({{ list_name }}) as element_value,
        from vocabulary
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

vocabulary_counts as (

    select
        language,
        {%- for list_name in vocabulary_lists %}
            len({{ list_name }}) as n_{{ list_name }},
        {%- endfor %}
    from vocabulary

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

    -- range() is read by one thread; sorted first, every step after it runs on all threads
    select range as draft_index
    from range({{ [n_drafts, 0] | max }})
    order by draft_index

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

{#- Each weighted draw takes the first bound above its uniform, as an ASOF join on `u < upper_bound`
    would, but looked up in one sorted list (a few dozen bounds) per row: a join would sort every draft. #}

{%- for drawn_key in ['intent', 'locale', 'channel'] %}

    {{ drawn_key }}_draw_list as (

        select
            list({{ drawn_key }} order by upper_bound, {{ drawn_key }}) as {{ drawn_key }}s,
            list(upper_bound order by upper_bound, {{ drawn_key }}) as upper_bounds,
        from {{ drawn_key }}_bounds
        where upper_bound is not null

    ),
{%- endfor %}

with_draws as (

    select
        drawn.*,
        {%- for drawn_key in ['intent', 'locale', 'channel'] %}
            {{ drawn_key }}_draw_list.{{ drawn_key }}s[
                1 + len(list_filter(
                    {{ drawn_key }}_draw_list.upper_bounds, lambda bound: bound <= drawn.u_{{ drawn_key }}
                ))
            ] as {{ drawn_key }},
        {%- endfor %}
    from drawn
    cross join intent_draw_list
    cross join locale_draw_list
    cross join channel_draw_list

),

with_channel as (

    select
        with_draws.*,
        locale_bounds.language,
        channel_bounds.is_short_form,
    from with_draws
    -- a draw above every bound finds no row, as with an inner ASOF join
    inner join locale_bounds
        on with_draws.locale = locale_bounds.locale
    inner join channel_bounds
        on with_draws.channel = channel_bounds.channel
    where with_draws.intent is not null

),

with_template_kind as (

    select
        with_channel.*,
        case
            when
                with_channel.channel = 'app_review' and with_channel.u_register < {{ review_share }}
                and template_counts.n_review_templates > 0
                then 'review_templates'
            when
                with_channel.channel = 'email' and with_channel.u_register < {{ thread_share }}
                and template_counts.n_thread_templates > 0
                then 'thread_templates'
            when with_channel.is_short_form and template_counts.n_short_templates > 0
                then 'short_templates'
            else 'templates'
        end as template_list_kind,
        case
            when
                with_channel.channel = 'app_review' and with_channel.u_register < {{ review_share }}
                and template_counts.n_review_templates > 0
                then template_counts.n_review_templates
            when
                with_channel.channel = 'email' and with_channel.u_register < {{ thread_share }}
                and template_counts.n_thread_templates > 0
                then template_counts.n_thread_templates
            when with_channel.is_short_form and template_counts.n_short_templates > 0
                then template_counts.n_short_templates
            else template_counts.n_templates
        end as template_list_length,
        frame_counts.n_frames,
    from with_channel
    inner join template_counts
        on
            with_channel.intent = template_counts.intent
            and with_channel.language = template_counts.language
    inner join frame_counts
        on
            with_channel.channel = frame_counts.channel
            and with_channel.language = frame_counts.language

),

{#- Positions drawn as pick_from_list draws them: 1 + floor(u * length). #}

with_template as (

    select
        with_template_kind.*,
        template_elements.template,
        frame_elements.frame_text as channel_frame_text,
    from with_template_kind
    left join template_elements
        on
            with_template_kind.intent = template_elements.intent
            and with_template_kind.language = template_elements.language
            and with_template_kind.template_list_kind = template_elements.list_kind
            and template_elements.element_position
            = 1 + floor(with_template_kind.u_template * with_template_kind.template_list_length)::integer
    left join frame_elements
        on
            with_template_kind.channel = frame_elements.channel
            and with_template_kind.language = frame_elements.language
            and frame_elements.element_position
            = 1 + floor(with_template_kind.u_frame * with_template_kind.n_frames)::integer

),

with_vocabulary as (

    select
        with_template.*,
        {%- for list_name, draw in vocabulary_draws %}
            {{ list_name }}.element_value as {{ list_name }},
        {%- endfor %}
    from with_template
    inner join vocabulary_counts
        on with_template.language = vocabulary_counts.language
    {%- for list_name, draw in vocabulary_draws %}
        left join vocabulary_elements as {{ list_name }}
            on
                with_template.language = {{ list_name }}.language
                and {{ list_name }}.list_name = '{{ list_name }}'
                and {{ list_name }}.element_position
                = 1 + floor({{ draw }} * vocabulary_counts.n_{{ list_name }})::integer
    {%- endfor %}

),

final as (

    select
        with_vocabulary.draft_index,
        with_vocabulary.intent,
        with_vocabulary.locale,
        with_vocabulary.language,
        with_vocabulary.channel,
        with_vocabulary.template.template_id,
        with_vocabulary.template.template_text,
        with_vocabulary.template.is_hard_negative,
        -- reviews and e-mail replies carry their own rating or quote: no channel frame around them
        case
            when with_vocabulary.template.register in ('review', 'thread') then '{body}'
            else with_vocabulary.channel_frame_text
        end as frame_text,
        {%- for slot in ['service'] + slots + slots_3 %}
            with_vocabulary.slot_{{ slot }},
        {%- endfor %}
        with_vocabulary.first_names as first_name,
        with_vocabulary.last_names as last_name,
        timestamp '2025-01-01 00:00:00'
        + to_seconds(
            floor((with_vocabulary.u_time_high + with_vocabulary.u_time_low / 65536.0) * 365 * 86400)::bigint
        ) as created_at,
        case
            when with_vocabulary.u_user < 0.7
                then 'syn-user-' || lpad(
                    floor(with_vocabulary.u_user / 0.7 * {{ [n_total // 3, 1] | max }})::bigint::varchar, 8, '0'
                )
        end as user_id,
    from with_vocabulary

)

select * from final
