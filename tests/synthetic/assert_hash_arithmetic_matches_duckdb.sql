-- hash_modulo and hash_text give what DuckDB's own UHUGEINT `%` and `::varchar` give, for hashes
-- of every size (the smallest, the largest, around 10^19 and 2^127, and md5 hashes) and divisors
-- on both sides of 2^32 (numbers and an expression). Returns the hashes where one differs.
with

hashes as (

    select md5_number(range::varchar) as hash_value from range(2000)
    union all
    select range::uhugeint from range(100)
    union all
    select 340282366920938463463374607431768211455::uhugeint - range::uhugeint from range(100)
    union all
    select 9999999999999999950::uhugeint + range::uhugeint from range(100)
    union all
    select 170141183460469231731687303715884105678::uhugeint + range::uhugeint from range(100)

),

compared as (

    select
        hash_value,
        {%- for divisor in [2, 3, 97, 65536, 4294967295, 4294967296, 10 ** 10, 10 ** 19, 10 ** 24, 10 ** 30] %}
        (hash_value % {{ divisor }}::uhugeint)::varchar = {{ hash_modulo('hash_value', divisor) }}::varchar
        and ((hash_value >> 40) % {{ divisor }}::uhugeint)::varchar
        = {{ hash_modulo('hash_value >> 40', divisor) }}::varchar as is_same_modulo_{{ loop.index }},
        {%- endfor %}
        (hash_value % (1 + (hash_value % 1000::uhugeint)::bigint)::uhugeint)::varchar
        = {{ hash_modulo('hash_value', '(1 + (hash_value % 1000::uhugeint)::bigint)') }}::varchar as is_same_modulo_expression,
        hash_value::varchar = {{ hash_text('hash_value') }} as is_same_text,
    from hashes

)

select * from compared
where not (
    {%- for divisor in range(10) %}
    is_same_modulo_{{ loop.index }} and
    {%- endfor %}
    is_same_modulo_expression and is_same_text
)
