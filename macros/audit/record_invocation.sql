{# on-run-end: append this invocation and one row per node result to the audit tables. #}
{% macro record_invocation(results) -%}
    {%- if execute -%}
        {%- set statuses = results | map(attribute='status') | map('string') | list -%}

        {#- rows in each table this invocation built (dbt-duckdb reports no rows_affected); not in
            views, which hold no rows of their own: counting one runs its query (2 s at 1M messages) -#}
        {%- set counted = [] -%}
        {%- for result in results -%}
            {%- set node = result.node -%}
            {%- if node.resource_type in ('model', 'seed') and (result.status | string) == 'success'
                and node.config.materialized not in ('ephemeral', 'view') and node.relation_name is defined
                and node.relation_name -%}
                {%- do counted.append(
                    "select '" ~ node.unique_id ~ "' as unique_id, count(*) as row_count from "
                    ~ node.relation_name
                ) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set relation_rows = {} -%}
        {%- if counted -%}
            {%- for row in run_query(counted | join('\nunion all\n')) -%}
                {%- do relation_rows.update({row[0]: row[1]}) -%}
            {%- endfor -%}
        {%- endif -%}

        {#- dbt and DuckDB of this invocation; the Python packages from ml_runtime_versions, when built -#}
        {%- set versions = {'dbt-core': dbt_version | string} -%}
        {%- do versions.update({'duckdb': run_query('select library_version from pragma_version()')[0][0]}) -%}
        {%- set versions_node = graph.nodes.get('model.' ~ project_name ~ '.ml_runtime_versions') -%}
        {%- if versions_node -%}
            {%- set versions_relation = adapter.get_relation(
                database=versions_node.database, schema=versions_node.schema,
                identifier=versions_node.alias) -%}
            {%- if versions_relation -%}
                {%- for row in run_query('select package_name, package_version from ' ~ versions_relation) -%}
                    {%- do versions.update({row[0]: row[1]}) -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endif -%}

        {%- set invocation_sql -%}
            insert into {{ audit_schema() }}.dbt_invocations
            select
                {{ audit_literal(invocation_id) }},
                {{ audit_literal(project_name) }},
                {{ audit_literal(flags.WHICH) }},
                {{ audit_literal(target.name) }},
                {{ audit_literal(dbt_version | string) }},
                {{ audit_literal(target.threads) }},
                {{ audit_literal(run_started_at) }},
                now()::timestamp,
                epoch(now()::timestamp - {{ audit_literal(run_started_at) }}),
                {{ audit_literal(statuses | select('in', ['error', 'fail', 'runtime error']) | list | length == 0) }},
                {{ results | length }},
                {{ statuses | select('in', ['error', 'fail', 'runtime error']) | list | length }},
                {{ statuses | select('equalto', 'warn') | list | length }},
                {{ statuses | select('equalto', 'skipped') | list | length }},
                {{ audit_literal(tojson(audited_vars(), sort_keys=true)) }}::json,
                {{ audit_literal(tojson(invocation_args_dict.get('vars', {}), sort_keys=true)) }}::json,
                {{ audit_literal(tojson(invocation_args_dict, default='{}', sort_keys=true)) }}::json,
                {{ audit_literal(tojson(versions, sort_keys=true)) }}::json
        {%- endset -%}
        {%- do run_query(invocation_sql) -%}

        {%- if results -%}
            {%- set nodes_sql -%}
                insert into {{ audit_schema() }}.dbt_node_results values
                {%- for result in results %}
                {%- set node = result.node -%}
                {%- set timing = result.timing | default([], true) %}
                (
                    {{ audit_literal(invocation_id) }},
                    {{ audit_literal(node.unique_id) }},
                    {{ audit_literal(node.resource_type | string) }},
                    {{ audit_literal(node.name) }},
                    {{ audit_literal(node.package_name) }},
                    {{ audit_literal(node_layer(node)) }},
                    {{ audit_literal(node.config.materialized if node.config.materialized is defined else none) }},
                    {{ audit_literal(node.relation_name if node.relation_name is defined else none) }},
                    {{ audit_literal(result.status | string) }},
                    {{ audit_literal(result.thread_id) }},
                    {{ audit_literal(timing[0].started_at if timing else none) }},
                    {{ audit_literal(timing[-1].completed_at if timing else none) }},
                    {{ audit_literal(result.execution_time) }},
                    {{ audit_literal((result.adapter_response or {}).get('rows_affected')) }},
                    {{ audit_literal(relation_rows.get(node.unique_id)) }},
                    {{ audit_literal(result.failures) }},
                    {{ audit_literal(result.message) }}
                ){{ ',' if not loop.last }}
                {%- endfor %}
            {%- endset -%}
            {%- do run_query(nodes_sql) -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
