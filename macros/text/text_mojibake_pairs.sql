{# The (garbled, repaired) pairs of the text_mojibake_map seed, longest garbled form first; stops with an error when the seed is not loaded (loaded_seed). #}
{% macro text_mojibake_pairs() %}
    {%- set pairs = [] %}
    {%- set seed = loaded_seed('text_mojibake_map') %}
    {%- if seed is not none %}
        {%- set result = run_query(
            "select garbled, repaired from " ~ seed ~ " order by length(garbled) desc, garbled"
        ) %}
        {%- for row in result.rows %}
            {%- do pairs.append([row[0], row[1]]) %}
        {%- endfor %}
    {%- endif %}
    {{ return(pairs) }}
{% endmacro %}
