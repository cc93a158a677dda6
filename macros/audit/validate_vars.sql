{# on-run-start, before any model: stop with every unknown var name (and the closest known one) and every bad var value. #}
{% macro validate_vars() -%}
    {%- if execute -%}
        {%- set given = invocation_args_dict.get('vars') or {} -%}
        {%- if given is string -%}
            {%- set given = fromyaml(given) or {} -%}
        {%- endif -%}
        {%- set payload = {'resolved': audited_vars(), 'given': given, 'known': project_var_names()} -%}
        {#- the checks are Python (src/privacy_curation/var_checks.py), registered by the profile's plugin -#}
        {%- set problems = run_query(
            'select privacy_curation_var_problems(' ~ audit_literal(tojson(payload, sort_keys=true)) ~ ')'
        )[0][0] -%}
        {%- if problems -%}
            {{ exceptions.raise_compiler_error(
                'Invalid vars, nothing was built (checked at on-run-start):\n  - '
                ~ problems.split('\n') | join('\n  - ')
            ) }}
        {%- endif -%}
    {%- endif -%}
    select 'vars checked' as validate_vars
{%- endmacro %}
