{#- The rows of `relation`, each with `row_occurrence`: its number among the rows identical to it in
    `columns` (1, 2, ... in no particular order: identical rows cannot be told apart). Only rows whose
    values repeat are numbered by a window; the others, nearly all, are 1, found by a hash aggregate
    (which spills) instead of sorting every row. The hashed rows are read where they are used (not
    materialized): the aggregate needs only the hash, and the two joins stream the rows past the few
    repeated hashes, where a materialized copy held every row, text included, for the whole query. #}
{% macro number_identical_rows(relation, columns) -%}
    with

    hashed_rows as not materialized (

        select
            *,
            hash({{ columns | join(', ') }}) as row_hash,
        from {{ relation }}

    ),

    repeated_hashes as (

        select row_hash,
        from hashed_rows
        group by row_hash
        having count(*) > 1

    ),

    unique_rows as (

        select
            hashed_rows.* exclude (row_hash),
            1 as row_occurrence,
        from hashed_rows
        anti join repeated_hashes
            on hashed_rows.row_hash = repeated_hashes.row_hash

    ),

    repeated_rows as (

        -- the same hash need not mean the same values: the window numbers by the values themselves
        select
            hashed_rows.* exclude (row_hash),
            row_number() over (
                partition by
                    {%- for column in columns %}
                        hashed_rows.{{ column }}{{ ',' if not loop.last }}
                    {%- endfor %}
            ) as row_occurrence,
        from hashed_rows
        semi join repeated_hashes
            on hashed_rows.row_hash = repeated_hashes.row_hash

    )

    select * from unique_rows
    union all
    select * from repeated_rows
{%- endmacro %}
