{#- Dimension anomaly: fails one row per value of `column_name` whose share of the rows changed by more
    than `max_change` (absolute) between the model and the previous build recorded in `history` (the
    build before the one that recorded the model's current data). Passes when there is no previous build. -#}
{% test label_share_stable_since_previous_build(model, column_name, history, history_count_column, row_condition=none, max_change=none) %}
{%- set threshold = max_change if max_change is not none else var('drift_max_label_share_change') %}

with

builds as (

    select
        invocation_id,
        row_number() over (order by max(recorded_at) desc, invocation_id desc) as build_rank,
    from {{ history }}
    group by invocation_id

),

previous_counts as (

    select
        history.{{ column_name }} as dimension_value,
        sum(history.{{ history_count_column }}) as row_count,
    from {{ history }} as history
    inner join builds
        on history.invocation_id = builds.invocation_id
    where builds.build_rank = 2
    group by history.{{ column_name }}

),

current_counts as (

    select
        {{ column_name }} as dimension_value,
        count(*) as row_count,
    from {{ model }}
    {% if row_condition %}where {{ row_condition }}{% endif %}
    group by {{ column_name }}

),

compared as (

    select
        coalesce(current_counts.dimension_value, previous_counts.dimension_value) as dimension_value,
        coalesce(current_counts.row_count, 0) / greatest(sum(coalesce(current_counts.row_count, 0)) over (), 1)
            as current_share,
        coalesce(previous_counts.row_count, 0) / greatest(sum(coalesce(previous_counts.row_count, 0)) over (), 1)
            as previous_share,
    from current_counts
    full outer join previous_counts
        on current_counts.dimension_value = previous_counts.dimension_value

)

select
    *,
    current_share - previous_share as share_change,
from compared
where
    exists (select 1 from builds where build_rank = 2)
    and abs(current_share - previous_share) > {{ threshold }}

{% endtest %}
