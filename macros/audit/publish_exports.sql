{# on-run-end: move the staged export set into the export folder when every test on it passed; else say why not. #}
{% macro publish_exports(results) -%}
    {%- if execute -%}
        {%- set verdict = export_publish_blockers(results) -%}
        {%- set staging = export_staging_location('') -%}
        {%- set output = export_location('') -%}
        {%- if verdict.blockers and verdict.staged -%}
            {%- do log(
                'Export NOT published: ' ~ verdict.blockers | join('; ') ~ '. ' ~ output ~ ' keeps the previous '
                ~ 'export, whole and consistent; this build\'s files are in ' ~ staging,
                info=true
            ) -%}
        {%- elif verdict.staged -%}
            {#- the Python function (src/privacy_curation/output_folder.py) checks the sha256 and renames -#}
            {%- set published = run_query(
                'select privacy_curation_publish_exports(' ~ audit_literal(staging) ~ ', ' ~ audit_literal(output) ~ ')'
            )[0][0] -%}
            {#- the relations of the external models now read the published files, not the staging folder -#}
            {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.package_name == project_name
                and node.fqn[1] == 'export' and node.config.materialized == 'external' -%}
                {%- set view_sql = run_query(
                    'select rtrim(substr(sql, strpos(sql, \' AS \') + 4), \';\') from duckdb_views() '
                    ~ 'where database_name = ' ~ audit_literal(node.database)
                    ~ ' and schema_name = ' ~ audit_literal(node.schema)
                    ~ ' and view_name = ' ~ audit_literal(node.alias)
                )[0][0] -%}
                {%- do run_query(
                    'create or replace view ' ~ node.relation_name ~ ' as ' ~ view_sql | replace(staging, output)
                ) -%}
            {%- endfor -%}
            {%- do log('Export published to ' ~ output ~ ': ' ~ published, info=true) -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
