-- Columns cast with the package's public type helpers, for the type tests.
select
    cast('2024-01-01 10:00:00' as {{ dbt_expectations.type_timestamp() }}) as col_type_timestamp,
    cast('2024-01-01 10:00:00' as {{ dbt_expectations.type_datetime() }}) as col_type_datetime,
