-- One row per measured curation figure: the union of the report_*_quality models, each of which
-- measures one curation stage against the generator's ground truth. Columns: the stage, the
-- metric, the slice it covers, its value, the target it is held to, whether it meets it, how
-- many rows support it, and a note saying whether it was measured. Without generated data (own
-- data only, `synthetic_messages: 0`) nothing can be measured: every figure says so in `note`,
-- and a stage whose report is empty gets one row that says so. Ordered so that the dataset card
-- lists it the same way every time.
{%- set reports = {
    'report_pii_quality': 'pii_redaction',
    'report_language_quality': 'language',
    'report_duplicate_quality': 'deduplication',
    'report_label_quality': 'label_consensus',
} %}

with

{% for report in reports %}
    {{ report }} as (

        select * from {{ ref(report) }}

    ),

{% endfor %}
ground_truth as (

    select * from {{ ref('synthetic_ground_truth') }}

),

generated as (

    select count(*) > 0 as has_generated_data from ground_truth

),

unioned as (

    {% for report in reports %}
        {% if not loop.first %}
            union all
        {% endif %}
        select
            stage::varchar as stage,
            metric::varchar as metric,
            slice::varchar as slice,
            value::double as value,
            target::double as target,
            meets_target::boolean as meets_target,
            support::bigint as support,
        from {{ report }}
    {% endfor %}

),

-- a stage whose report has no row at all (the language report without generated data)
stages_without_rows as (

    select
        stage,
        'all' as metric,
        'all' as slice,
        null::double as value,
        null::double as target,
        null::boolean as meets_target,
        0::bigint as support,
    from (select unnest({{ reports.values() | list }}) as stage)
    where stage not in (select unioned.stage from unioned)

),

annotated as (

    select
        figures.stage,
        figures.metric,
        figures.slice,
        figures.value,
        figures.target,
        case when figures.value is not null then figures.meets_target end as meets_target,
        figures.support,
        case
            when figures.value is not null then 'measured'
            when not generated.has_generated_data then 'not measured: no generated data'
            else 'not measured: no support'
        end as note,
    from (
        select * from unioned
        union all
        select * from stages_without_rows
    ) as figures
    cross join generated

),

final as (

    select * from annotated
    order by stage, metric, slice

)

select * from final
