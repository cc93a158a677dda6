{#- The relation of a seed that a macro reads with run_query while a model compiles. Stops with an
    error naming the seed when it is not loaded and the command runs models (run, build, show, ...):
    without it, a lexicon would silently match nothing. Returns none where nothing is run: at parse
    time, on the linter's in-memory target, and in `dbt compile`, `dbt docs generate` or `dbt ls`
    (those log a warning instead, so that they work on a fresh clone). #}
{% macro loaded_seed(seed_name) -%}
    {%- set commands_that_only_compile = ['parse', 'compile', 'generate', 'list', 'ls', 'docs'] %}
    {%- if not execute or target.name == 'lint' %}
        {{- return(none) }}
    {%- endif %}
    {%- set seed = ref(seed_name) %}
    {%- set relation = adapter.get_relation(
        database=seed.database,
        schema=seed.schema,
        identifier=seed.identifier,
    ) %}
    {%- if relation is not none %}
        {{- return(relation) }}
    {%- endif %}
    {%- set message = "The seed '" ~ seed_name ~ "' is not loaded (no table " ~ seed
        ~ "), so " ~ (model.name if model is mapping else 'this model') ~ " cannot read it. Run `dbt seed` first, or `dbt build`,"
        ~ " which loads the seeds before the models." %}
    {%- if flags.WHICH in commands_that_only_compile %}
        {%- do log('Warning: ' ~ message ~ ' Compiled as if the seed were empty.', info=true) %}
        {{- return(none) }}
    {%- endif %}
    {%- do exceptions.raise_compiler_error(message) %}
{%- endmacro %}
