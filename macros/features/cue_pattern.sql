{#- One regex alternation of the cues a query over a seed returns (longest first, so that the longest cue wins), built when the model compiles; it matches nothing before the seed is loaded. #}
{% macro cue_pattern(seed_name, cue_expression, condition='true') %}
    {%- set pattern = '$^' %}
    {%- if execute %}
        {%- set seed = ref(seed_name) %}
        {%- if adapter.get_relation(database=seed.database, schema=seed.schema, identifier=seed.identifier) is not none %}
            {%- set result = run_query(
                "select string_agg(cue, '|' order by length(cue) desc, cue) from (select "
                ~ cue_expression ~ " as cue from " ~ seed ~ " where " ~ condition ~ ")"
            ) %}
            {%- if result.rows[0][0] %}
                {%- set pattern = '(?:' ~ result.rows[0][0] ~ ')' %}
            {%- endif %}
        {%- endif %}
    {%- endif %}
    {{ return(pattern) }}
{% endmacro %}
