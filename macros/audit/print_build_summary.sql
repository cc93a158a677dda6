{# on-run-end, last: print where the exports are and the headline counts (raw, kept, duplicates, quarantined, rows per split). #}
{% macro print_build_summary(results) -%}
    {%- set export_id = 'model.' ~ project_name ~ '.curated_training_data' -%}
    {%- set built = results | selectattr('node.unique_id', 'equalto', export_id)
        | map(attribute='status') | map('string') | list -%}
    {%- if execute and built == ['success'] -%}
        {%- set accounting = graph.nodes['model.' ~ project_name ~ '.row_accounting'].relation_name -%}
        {%- set counts = run_query(
            "select record_type, sum(row_count), "
            ~ "coalesce(sum(row_count) filter (where resolution in ('kept', 'used')), 0), "
            ~ "coalesce(sum(row_count) filter (where resolution = 'duplicate'), 0), "
            ~ "coalesce(sum(row_count) filter (where resolution = 'quarantined'), 0) "
            ~ "from " ~ accounting ~ " group by record_type order by record_type desc"
        ) -%}
        {%- set splits = run_query(
            "select split, count(*), count(*) filter (where is_synthetic) from "
            ~ graph.nodes[export_id].relation_name ~ " group by split "
            ~ "order by list_position(['train', 'validation', 'test', 'control'], split)"
        ) -%}
        {%- set failed = results | map(attribute='status') | map('string')
            | select('in', ['error', 'fail', 'runtime error']) | list | length -%}
        {%- set published = not export_publish_blockers(results).blockers -%}
        {%- set lines = [
            '',
            'Build summary' ~ (' (' ~ failed ~ ' node(s) failed)' if failed else ''),
            '  exports:  ' ~ export_location('') ~ ' (curated_training_data.parquet, .manifest.json, DATASET_CARD.md, metrics.prom)'
            ~ (' published' if published else ' NOT published: the previous export stays; this build\'s files are in '
                ~ export_staging_location('')),
            '  database: ' ~ target.path,
        ] -%}
        {%- for row in counts -%}
            {%- do lines.append(
                '  ' ~ row[0] ~ 's: ' ~ row[1] ~ ' raw, ' ~ row[2] ~ (' kept, ' if row[0] == 'message' else ' used, ')
                ~ row[3] ~ ' duplicates, ' ~ row[4] ~ ' quarantined'
            ) -%}
        {%- endfor -%}
        {%- for row in splits -%}
            {%- do lines.append('  ' ~ row[0] ~ ': ' ~ row[1] ~ ' rows (' ~ row[2] ~ ' synthetic)') -%}
        {%- endfor -%}
        {%- do log(lines | join('\n'), info=true) -%}
    {%- endif -%}
{%- endmacro %}
