{# The decimal text of a synthetic_hash value (UHUGEINT), as ::varchar writes it, without DuckDB's slow UHUGEINT to text cast. #}
{% macro hash_text(hash_expression) -%}
    {#- the 19 lowest digits, and the digits above them (hash // 10^19 = (hash >> 1) // (5 * 10^18)) #}
    case
        when ({{ hash_expression }}) < {{ 10 ** 19 }}::uhugeint
            then {{ hash_modulo(hash_expression, 10 ** 19) }}::varchar
        else ((({{ hash_expression }}) >> 1)::hugeint // {{ 5 * 10 ** 18 }})::varchar
            || lpad({{ hash_modulo(hash_expression, 10 ** 19) }}::varchar, 19, '0')
    end
{%- endmacro %}
