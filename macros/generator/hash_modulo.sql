{# The remainder of a synthetic_hash value (UHUGEINT) by a positive integer, without UHUGEINT division (slow in DuckDB). #}
{% macro hash_modulo(hash_expression, divisor) -%}
    {%- if divisor is number and divisor < 2 ** 32 -%}
        {#- hash = high * 2^64 + low: two 64-bit remainders, combined below 2^64 #}
        (((({{ hash_expression }}) >> 64)::ubigint % {{ divisor }} * {{ 2 ** 64 % divisor }}
            + (({{ hash_expression }}) & {{ 2 ** 64 - 1 }})::ubigint % {{ divisor }}) % {{ divisor }})
    {%- else -%}
        {#- hash = 2 * half + last bit: half fits a signed HUGEINT #}
        (((({{ hash_expression }}) >> 1)::hugeint % ({{ divisor }}) * 2
            + (({{ hash_expression }}) & 1)::integer) % ({{ divisor }}))
    {%- endif -%}
{%- endmacro %}
