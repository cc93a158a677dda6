{# Expect the newest value of the column that is not in the future (as a timestamp) to be at most `interval` dateparts old. #}
{% test expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition=None) -%}
{#- Upstream 0.10.x semantics, kept on purpose: values are cast to timestamp (a date counts as its midnight), values
    later than now are ignored, and when no value is left the newest one is taken to be 1970-01-01 (the test fails
    unless the threshold lies before it). "Now" is the wall-clock time in the `dbt_date:time_zone` var's zone. -#}
{%- set datepart = dbt_expectations._validate_datepart_interval(datepart, interval) -%}
{%- set timestamp_type = dbt.type_timestamp() | lower -%}
{%- set now_timestamp = dbt_expectations._current_timestamp_in_time_zone() -%}
with latest_value as (

    select max(cast({{ column_name }} as {{ timestamp_type }})) as max_timestamp,
    from {{ model }}
    where
        cast({{ column_name }} as {{ timestamp_type }}) <= {{ now_timestamp }}
        {%- if row_condition %}
        and ({{ row_condition }})
        {%- endif %}

),

latest_value_with_threshold as (

    select
        latest_value.max_timestamp,
        cast({{ dbt.dateadd(datepart, interval * -1, now_timestamp) | trim }} as {{ timestamp_type }}) as threshold_timestamp,
    from latest_value

)

select latest_value_with_threshold.*,
from latest_value_with_threshold
where
    coalesce(latest_value_with_threshold.max_timestamp, cast('1970-01-01' as {{ timestamp_type }}))
    < latest_value_with_threshold.threshold_timestamp
{%- endtest %}
