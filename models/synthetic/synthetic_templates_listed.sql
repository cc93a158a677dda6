-- One row per intent and language: the generator's message templates as lists to draw from.
with

templates as (

    select * from {{ ref('generator_templates') }}

),

listed as (

    select
        intent,
        language,
        list(
            { 'template_id': template_id, 'template_text': template_text, 'is_hard_negative': is_hard_negative }
            order by template_id
        ) as templates,
        list(
            { 'template_id': template_id, 'template_text': template_text, 'is_hard_negative': is_hard_negative }
            order by template_id
        ) filter (where length_class = 'short') as short_templates,
    from templates
    group by intent, language

)

select * from listed
