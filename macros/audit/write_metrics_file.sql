{# on-run-end: write output/metrics.prom: the count series of the metrics model, then this invocation's timings. #}
{% macro write_metrics_file(results) -%}
    {%- set metrics_id = 'model.' ~ project_name ~ '.curated_training_data_metrics' -%}
    {%- set built = results | selectattr('node.unique_id', 'equalto', metrics_id)
        | map(attribute='status') | map('string') | list -%}
    {%- if execute and built == ['success'] -%}
        {%- set timings = [] -%}
        {%- for result in results if result.execution_time is not none -%}
            {%- do timings.append(
                "('" ~ node_layer(result.node) ~ "', '" ~ result.node.resource_type ~ "', "
                ~ result.execution_time ~ ")"
            ) -%}
        {%- endfor -%}
        {%- set lines_query -%}
            with

            counts as (

                select line_number, line from {{ graph.nodes[metrics_id].relation_name }}

            ),

            durations as (

                select
                    layer,
                    resource_type,
                    sum(seconds) as seconds,
                from (values {{ timings | join(', ') }}) as timing (layer, resource_type, seconds)
                group by layer, resource_type

            ),

            timing_lines as (

                select 1 as part, '' as labels,
                    '# Timing series: the only lines that change between two builds of identical data.' as line
                union all
                select 2, '', '# HELP privacy_curation_layer_duration_seconds Seconds dbt spent on the nodes of a layer (models/ folder, seeds, tests) in the invocation that wrote this file.'
                union all
                select 3, '', '# TYPE privacy_curation_layer_duration_seconds gauge'
                union all
                select
                    4,
                    layer || '|' || resource_type,
                    'privacy_curation_layer_duration_seconds{layer="' || layer || '",resource_type="'
                        || resource_type || '"} ' || printf('%.3f', seconds),
                from durations
                union all
                select 5, '', '# HELP privacy_curation_invocation_duration_seconds Wall-clock seconds from the start of the invocation to the writing of this file.'
                union all
                select 6, '', '# TYPE privacy_curation_invocation_duration_seconds gauge'
                union all
                select 7, '', 'privacy_curation_invocation_duration_seconds '
                    || printf('%.3f', epoch(now()::timestamp - {{ audit_literal(run_started_at) }}))
                union all
                select 8, '', '# HELP privacy_curation_last_build_timestamp_seconds Unix time at which this file was written.'
                union all
                select 9, '', '# TYPE privacy_curation_last_build_timestamp_seconds gauge'
                union all
                select 10, '', 'privacy_curation_last_build_timestamp_seconds ' || printf('%.3f', epoch(now()))

            )

            select line_number, line from counts
            union all
            select
                (select max(line_number) from counts) + row_number() over (order by part, labels) as line_number,
                line,
            from timing_lines
        {%- endset -%}
        {%- do run_query(copy_lines_to_file(lines_query, export_staging_location('metrics.prom'))) -%}
    {%- endif -%}
{%- endmacro %}
