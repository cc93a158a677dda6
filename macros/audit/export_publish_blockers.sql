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

    {%- set failed = [] -%}
    {%- set skipped = [] -%}
    {%- set not_run = [] -%}
    {%- for unique_id in (export_ids + test_ids) | sort -%}
        {%- set status = statuses.get(unique_id) -%}
        {%- if status is none -%}
            {%- do not_run.append(graph.nodes[unique_id].name) -%}
        {%- elif status == 'skipped' -%}
            {%- do skipped.append(graph.nodes[unique_id].name) -%}
        {%- elif status not in ('success', 'pass', 'warn') -%}
            {%- do failed.append(graph.nodes[unique_id].name ~ ' (' ~ status ~ ')') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set blockers = [] -%}
    {%- if failed -%}
        {%- do blockers.append(failed | length ~ ' export model(s) or test(s) failed: ' ~ failed | join(', ')) -%}
    {%- endif -%}
    {%- if skipped -%}
        {%- do blockers.append(skipped | length ~ ' export model(s) or test(s) skipped') -%}
    {%- endif -%}
    {%- if not_run -%}
        {%- do blockers.append(
            not_run | length ~ ' export model(s) or test(s) not run by this invocation (publishing takes a '
            ~ 'dbt build of all of them), such as ' ~ not_run[:3] | join(', ')
        ) -%}
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
