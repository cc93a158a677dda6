{# Why this invocation's staged export set may not be published: {'staged': bool, 'blockers': [reason, ...]}. #}
{% macro export_publish_blockers(results) -%}
    {%- set statuses = {} -%}
    {%- for result in results -%}
        {%- do statuses.update({result.node.unique_id: result.status | string}) -%}
    {%- endfor -%}

    {#- the export models: every model of models/export/ -#}
    {%- set export_ids = [] -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model' and node.package_name == project_name and node.fqn[1] == 'export' -%}
            {%- do export_ids.append(node.unique_id) -%}
        {%- endif -%}
    {%- endfor -%}

    {#- every test that reads one of them -#}
    {%- set test_ids = [] -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'test'
            and node.depends_on.nodes | select('in', export_ids) | list | length > 0 -%}
            {%- do test_ids.append(node.unique_id) -%}
        {%- endif -%}
    {%- endfor -%}

    {%- set blockers = [] -%}
    {%- set not_built = export_ids | reject('in', statuses) | map('replace', 'model.' ~ project_name ~ '.', '')
        | sort | list -%}
    {%- if not_built -%}
        {%- do blockers.append('not built by this invocation: ' ~ not_built | join(', ')) -%}
    {%- endif -%}
    {%- set model_errors = [] -%}
    {%- for unique_id in export_ids | sort if unique_id in statuses and statuses[unique_id] != 'success' -%}
        {%- do model_errors.append(unique_id.split('.')[-1] ~ ' ' ~ statuses[unique_id]) -%}
    {%- endfor -%}
    {%- if model_errors -%}
        {%- do blockers.append('export model(s) not written: ' ~ model_errors | join(', ')) -%}
    {%- endif -%}
    {%- set failed_tests = [] -%}
    {%- set untested = [] -%}
    {%- for unique_id in test_ids | sort -%}
        {%- if unique_id not in statuses or statuses[unique_id] == 'skipped' -%}
            {%- do untested.append(unique_id) -%}
        {%- elif statuses[unique_id] not in ('pass', 'warn') -%}
            {%- do failed_tests.append(graph.nodes[unique_id].name ~ ' ' ~ statuses[unique_id]) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if failed_tests -%}
        {%- do blockers.append(failed_tests | length ~ ' test(s) on the export failed: ' ~ failed_tests | join(', ')) -%}
    {%- endif -%}
    {%- if untested -%}
        {%- do blockers.append(untested | length ~ ' test(s) on the export did not run (use dbt build)') -%}
    {%- endif -%}
    {#- a build that fails anywhere publishes nothing new -#}
    {%- set other_failures = [] -%}
    {%- for result in results if result.node.unique_id not in export_ids and result.node.unique_id not in test_ids
        and (result.status | string) in ('error', 'fail', 'runtime error') -%}
        {%- do other_failures.append(result.node.name) -%}
    {%- endfor -%}
    {%- if other_failures -%}
        {%- do blockers.append(other_failures | length ~ ' other node(s) failed: ' ~ other_failures | sort | join(', ')) -%}
    {%- endif -%}

    {%- set staged = export_ids | select('in', statuses) | list | length > 0 -%}
    {{ return({'staged': staged, 'blockers': blockers}) }}
{%- endmacro %}
