{# Expect each (per-group summed) column value to lie within sigma_threshold sample standard deviations of the average. #}
{% test expect_column_values_to_be_within_n_stdevs(model, column_name, group_by=None, sigma_threshold=3) -%}
{#- Upstream 0.10.x semantics, kept on purpose: the metric is sum(column) per group_by group, so without group_by
    there is a single metric value, its standard deviation is null and the test always passes. -#}
{%- set group_columns = dbt_expectations._as_column_list(group_by, "group_by") -%}
with metric_values as (

    select
        {%- for group_column in group_columns %}
        {{ group_column }},
        {%- endfor %}
        sum({{ column_name }}) as metric_value,
    from {{ model }}
    {%- if group_columns %}
    group by
        {%- for group_column in group_columns %}
        {{ group_column }}{{ "," if not loop.last }}
        {%- endfor %}
    {%- endif %}

),

metric_values_with_statistics as (

    select
        metric_values.*,
        avg(metric_values.metric_value) over () as metric_average,
        stddev_samp(metric_values.metric_value) over () as metric_stddev,
    from metric_values

),

metric_values_z_scores as (

    select
        metric_values_with_statistics.*,
        (metric_values_with_statistics.metric_value - metric_values_with_statistics.metric_average)
            / nullif(metric_values_with_statistics.metric_stddev, 0) as metric_sigma,
    from metric_values_with_statistics

)

select metric_values_z_scores.*,
from metric_values_z_scores
where abs(metric_values_z_scores.metric_sigma) > {{ sigma_threshold }}
{%- endtest %}
