-- One row per measured curation figure: the union of the report_*_quality models, each of which
-- measures one curation stage against the generator's ground truth. Columns: the stage, the
-- metric, the slice it covers, its value, the target it is held to, whether it meets it, and how
-- many rows support it. Ordered so that the dataset card lists it the same way every time.
{%- set reports = [
    'report_pii_quality',
    'report_language_quality',
    'report_duplicate_quality',
    'report_label_quality',
] %}

with

{% for report in reports %}
    {{ report }} as (

        select * from {{ ref(report) }}

    ),

{% endfor %}
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

final as (

    select * from unioned
    order by stage, metric, slice

)

select * from final
