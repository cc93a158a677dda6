-- One row per intent and language: the generator's message templates as lists to draw from.
-- App reviews (register review) and e-mail replies (register thread) carry their own frame and
-- are drawn only on their channel, so they are listed apart from the templates of every channel.
with

templates as (

    select * from {{ ref('generator_templates') }}

),

as_structs as (

    select
        intent,
        language,
        length_class,
        register,
        register in ('review', 'thread') as carries_own_frame,
        template_id,
        {
            'template_id': template_id,
            'template_text': replace(template_text, '\n', chr(10)),
            'is_hard_negative': is_hard_negative,
            'register': register
        } as template,
    from templates

),

listed as (

    select
        intent,
        language,
        list(template order by template_id) filter (where not carries_own_frame) as templates,
        list(template order by template_id) filter (where length_class = 'short' and not carries_own_frame)
            as short_templates,
        list(template order by template_id) filter (where register = 'review') as review_templates,
        list(template order by template_id) filter (where register = 'thread') as thread_templates,
    from as_structs
    group by intent, language

)

select * from listed
