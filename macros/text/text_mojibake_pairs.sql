{# The (garbled, repaired) pairs of the text_mojibake_map seed, longest garbled form first; empty before the seed exists. #}
{% macro text_mojibake_pairs() %}
    {%- set pairs = [] %}
    {%- if execute %}
        {%- set seed_relation = adapter.get_relation(
            database=ref('text_mojibake_map').database,
            schema=ref('text_mojibake_map').schema,
            identifier=ref('text_mojibake_map').identifier,
        ) %}
        {%- if seed_relation is not none %}
            {%- set result = run_query(
                "select garbled, repaired from " ~ seed_relation
                ~ " order by length(garbled) desc, garbled"
            ) %}
            {%- for row in result.rows %}
                {%- do pairs.append([row[0], row[1]]) %}
            {%- endfor %}
        {%- endif %}
    {%- endif %}
    {{ return(pairs) }}
{% endmacro %}
