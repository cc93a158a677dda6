-- One row per label-consensus quality figure and slice, measured against the generator's ground
-- truth. The unit is a synthetic message that reached the consensus stage as the representative of
-- its duplicate cluster: kept, or quarantined as low_agreement. Its consensus label is the one of
-- its cluster.
--   noise_catch_rate       among units whose own annotations carry planted label noise (at least
--                          half of their voting annotations wrong), the share quarantined as
--                          low_agreement or kept with the true intent. Target: at least 0.8.
--   consensus_accuracy     among kept units, the share whose consensus label is the true intent.
--                          Target: at least 0.97.
--   false_quarantine_rate  among units without label noise, the share quarantined as
--                          low_agreement. Target: at most 0.02 (an upper bound).
--   label_noise_rate       share of units with planted label noise (no target).
--   annotator_reliability  mean measured reliability of the annotators of a profile (no target;
--                          support = annotators).
-- Slices: `all`, and per annotator profile: noise_catch_rate over the noisy units with a wrong
-- annotation from that profile, annotator_reliability over that profile's annotators.
{%- set catch_target = 0.8 %}
{%- set accuracy_target = 0.97 %}
{%- set false_quarantine_target = 0.02 %}
with

truth as (

    select * from {{ ref('synthetic_ground_truth') }}

),

resolved as (

    select * from {{ ref('int_messages_resolved') }}
    where message_source = 'synthetic'

),

labels as (

    select * from {{ ref('int_message_labels_agreed') }}

),

reliability as (

    select * from {{ ref('int_annotator_reliability') }}

),

profiles as (

    select * from {{ ref('synthetic_annotator_profiles') }}

),

units as (

    select
        truth.message_id,
        truth.true_intent,
        truth.has_label_noise,
        truth.wrong_annotator_profiles,
        coalesce(resolved.reason_code = 'low_agreement', false) as is_low_agreement,
        labels.intent as consensus_intent,
        coalesce(labels.intent = truth.true_intent, false) as is_label_right,
    from resolved
    inner join truth
        on resolved.message_id = truth.message_id
    inner join labels
        on resolved.kept_message_id = labels.representative_message_id
    where
        resolved.message_id = resolved.kept_message_id
        and (resolved.resolution = 'kept' or resolved.reason_code = 'low_agreement')

),

noisy_by_profile as (

    select
        units.*,
        unnest(units.wrong_annotator_profiles) as annotator_profile,
    from units
    where units.has_label_noise

),

figures as (

    select
        'noise_catch_rate' as metric,
        'all' as slice,
        avg((is_low_agreement or is_label_right)::integer) as value,
        {{ catch_target }} as target,
        count(*) as support,
    from units
    where has_label_noise

    union all

    select
        'noise_catch_rate' as metric,
        annotator_profile as slice,
        avg((is_low_agreement or is_label_right)::integer) as value,
        null::double as target,
        count(*) as support,
    from noisy_by_profile
    group by annotator_profile

    union all

    select
        'consensus_accuracy' as metric,
        'all' as slice,
        avg(is_label_right::integer) as value,
        {{ accuracy_target }} as target,
        count(*) as support,
    from units
    where not is_low_agreement

    union all

    select
        'false_quarantine_rate' as metric,
        'all' as slice,
        avg(is_low_agreement::integer) as value,
        {{ false_quarantine_target }} as target,
        count(*) as support,
    from units
    where not has_label_noise

    union all

    select
        'label_noise_rate' as metric,
        'all' as slice,
        avg(has_label_noise::integer) as value,
        null::double as target,
        count(*) as support,
    from units

    union all

    select
        'annotator_reliability' as metric,
        profiles.annotator_profile as slice,
        avg(reliability.reliability) as value,
        null::double as target,
        count(*) as support,
    from reliability
    inner join profiles
        on reliability.annotator_id = profiles.annotator_id
    group by profiles.annotator_profile

),

final as (

    select
        'label_consensus' as stage,
        metric,
        slice,
        round(value, 6)::double as value,
        target::double as target,
        case
            when target is null or value is null then null
            when metric = 'false_quarantine_rate' then value <= target
            else value >= target
        end as meets_target,
        support::bigint as support,
    from figures

)

select * from final
