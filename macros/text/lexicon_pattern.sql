{#- One case-insensitive regex that matches any term of the intent_lexicon seed for an intent,
    built when the model compiles; it matches nothing before the seed is loaded. #}
{% macro lexicon_pattern(intent) %}
    {%- set pattern = '$^' %}
    {%- if execute %}
        {%- set seed = ref('intent_lexicon') %}
        {%- if adapter.get_relation(database=seed.database, schema=seed.schema, identifier=seed.identifier) is not none %}
            {%- set result = run_query(
                "select string_agg(regexp_escape(lower(term)), '|' order by term) from " ~ seed
                ~ " where intent = '" ~ intent ~ "'"
            ) %}
            {%- if result.rows[0][0] %}
                {%- set pattern = '(?:' ~ result.rows[0][0] ~ ')' %}
            {%- endif %}
        {%- endif %}
    {%- endif %}
    {{ return(pattern) }}
{% endmacro %}
