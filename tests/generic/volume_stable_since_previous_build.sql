{#- Volume anomaly: fails one row per group whose count (sum of `count_column`, or rows) changed by more than `max_change` (relative)
    between the model and the previous build recorded in `history` (the build before the one that
    recorded the model's current data). Passes when there is no previous build. -#}
{% test volume_stable_since_previous_build(model, history, group_by, count_column=none, history_count_column='row_count', max_change=none) %}
{%- set threshold = max_change if max_change is not none else var('drift_max_volume_change') %}
{%- set measure = 'sum(' ~ count_column ~ ')' if count_column else 'count(*)' %}

with

builds as (

    select
        invocation_id,
        row_number() over (order by max(recorded_at) desc, invocation_id desc) as build_rank,
    from {{ history }}
    group by invocation_id

),

previous_build as (

    select
        {% for column in group_by %}history.{{ column }}, {% endfor %}
        sum(history.{{ history_count_column }}) as previous_count,
    from {{ history }} as history
    inner join builds
        on history.invocation_id = builds.invocation_id
    where builds.build_rank = 2
    group by all

),

current_build as (

    select
        {% for column in group_by %}{{ column }}, {% endfor %}
        {{ measure }} as current_count,
    from {{ model }}
    group by all

),

compared as (

    select
        {% for column in group_by %}coalesce(current_build.{{ column }}, previous_build.{{ column }}) as {{ column }}, {% endfor %}
        coalesce(current_build.current_count, 0) as current_count,
        coalesce(previous_build.previous_count, 0) as previous_count,
        abs(coalesce(current_build.current_count, 0) - coalesce(previous_build.previous_count, 0))
        / greatest(coalesce(previous_build.previous_count, 0), 1) as relative_change,
    from current_build
    full outer join previous_build
        on {% for column in group_by %}current_build.{{ column }} is not distinct from previous_build.{{ column }}{{ ' and ' if not loop.last }}{% endfor %}

)

select * from compared
where
    exists (select 1 from builds where build_rank = 2)
    and relative_change > {{ threshold }}

{% endtest %}
