{# The (garbled, repaired) pairs of the text_mojibake_map seed and their safe lower-case forms, longest garbled form first; empty before the seed exists. #}
{% macro text_mojibake_pairs() %}
    {%- set pairs = [] %}
    {%- if execute %}
        {%- set seed_relation = adapter.get_relation(
            database=ref('text_mojibake_map').database,
            schema=ref('text_mojibake_map').schema,
            identifier=ref('text_mojibake_map').identifier,
        ) %}
        {%- if seed_relation is not none %}
            {#- text lower-cased after it was garbled ("jã¼rgen"): the lower-case form of a pair whose
                second character is a Latin-1 sign (U+00A0-U+00BF, never a letter after ã, â or å) #}
            {%- set result = run_query(
                "select garbled, repaired from " ~ seed_relation
                ~ " union select lower(garbled), lower(repaired) from " ~ seed_relation
                ~ " where regexp_matches(garbled, '^[ÃÂÅ][\\x{A0}-\\x{BF}]$')"
                ~ " order by length(garbled) desc, garbled"
            ) %}
            {%- for row in result.rows %}
                {%- do pairs.append([row[0], row[1]]) %}
            {%- endfor %}
        {%- endif %}
    {%- endif %}
    {{ return(pairs) }}
{% endmacro %}
