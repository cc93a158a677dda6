-- Language detection measured against the generator's ground truth: one row per metric and slice.
-- Overall accuracy (target 0.95), recall and precision per language, and the shares of messages
-- detected as und and of those whose language the locale decided by breaking a tie. Every synthetic
-- message with a non-empty text is measured (und counts as wrong); raw-file messages have no truth.
with

detected as (

    select * from {{ ref('int_messages_language') }}

),

ground_truth as (

    select * from {{ ref('synthetic_ground_truth') }}

),

measured as (

    select
        ground_truth.true_language,
        detected.language,
        detected.is_locale_tie_break,
    from ground_truth
    inner join detected
        on ground_truth.message_id = detected.message_id
    where ground_truth.defect_kind is null or ground_truth.defect_kind not in ('empty_text', 'blank_text')

),

languages as (

    select distinct true_language as language from measured

),

overall as (

    select
        'accuracy' as metric,
        'all' as slice,
        avg(case when language = true_language then 1.0 else 0.0 end) as value,
        0.95 as target,
        count(*) as support,
    from measured
    union all
    select
        'und_share' as metric,
        'all' as slice,
        avg(case when language = 'und' then 1.0 else 0.0 end) as value,
        null as target,
        count(*) as support,
    from measured
    union all
    select
        'locale_tie_break_share' as metric,
        'all' as slice,
        avg(case when is_locale_tie_break then 1.0 else 0.0 end) as value,
        null as target,
        count(*) as support,
    from measured

),

per_language as (

    select
        'recall' as metric,
        languages.language as slice,
        avg(case when measured.language = measured.true_language then 1.0 else 0.0 end) as value,
        0.9 as target,
        count(measured.true_language) as support,
    from languages
    left join measured
        on languages.language = measured.true_language
    group by languages.language
    union all
    select
        'precision' as metric,
        languages.language as slice,
        avg(case when measured.language = measured.true_language then 1.0 else 0.0 end) as value,
        0.9 as target,
        count(measured.language) as support,
    from languages
    left join measured
        on languages.language = measured.language
    group by languages.language

),

unioned as (

    select * from overall
    union all
    select * from per_language

),

final as (

    select
        'language' as stage,
        metric,
        slice,
        round(value, 4)::double as value,
        target::double as target,
        case when target is not null and value is not null then value >= target end as meets_target,
        support::bigint as support,
    from unioned
    where support > 0
    order by metric, slice

)

select * from final
