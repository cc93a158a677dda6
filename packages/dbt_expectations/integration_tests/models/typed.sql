-- One column per DuckDB type, for the type tests.
select
    cast(1 as integer) as col_integer,
    cast(1 as bigint) as col_bigint,
    cast('a' as varchar) as col_varchar,
    cast('2024-01-01' as date) as col_date,
    cast('2024-01-01 00:00:00' as timestamp) as col_timestamp,
    cast(1.5 as double) as col_double,
    cast(1.5 as decimal(10, 2)) as col_decimal,
    true as col_boolean,
