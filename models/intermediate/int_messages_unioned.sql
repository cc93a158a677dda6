-- One row per raw message row, from every source: the files in the landing zone and the generator.
with

csv_messages as (

    select * from {{ ref('stg_raw_files__messages_csv') }}

),

jsonl_messages as (

    select * from {{ ref('stg_raw_files__messages_jsonl') }}

),

parquet_messages as (

    select * from {{ ref('stg_raw_files__messages_parquet') }}

),

synthetic_messages as (

    select * from {{ ref('stg_synthetic__messages') }}

),

unioned as (

    select * from csv_messages
    union all by name
    select * from jsonl_messages
    union all by name
    select * from parquet_messages
    union all by name
    select * from synthetic_messages

)

select * from unioned
