{#- One regex alternation of the cues a query over a seed returns (longest first, so that the longest cue wins), built when the model compiles; stops with an error when the seed is not loaded (loaded_seed). #}
{% macro cue_pattern(seed_name, cue_expression, condition='true') %}
    {%- set pattern = '$^' %}
    {%- set seed = loaded_seed(seed_name) %}
    {%- if seed is not none %}
        {%- set result = run_query(
            "select string_agg(cue, '|' order by length(cue) desc, cue) from (select "
            ~ cue_expression ~ " as cue from " ~ seed ~ " where " ~ condition ~ ")"
        ) %}
        {%- if result.rows[0][0] %}
            {%- set pattern = '(?:' ~ result.rows[0][0] ~ ')' %}
        {%- endif %}
    {%- endif %}
    {{ return(pattern) }}
{% endmacro %}
