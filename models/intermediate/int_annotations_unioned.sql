-- One row per raw annotation row, from every source: the files in the landing zone and the generator.
-- A view: int_annotations_validated, its one reader in the build, unions the sources itself. As a
-- table, it and synthetic_ground_truth held both dbt threads while int_messages_normalized, on the
-- build's longest chain, waited for one (docs/benchmarks.md).
{{ config(materialized='view') }}

with

csv_annotations as (

    select * from {{ ref('stg_raw_files__annotations_csv') }}

),

jsonl_annotations as (

    select * from {{ ref('stg_raw_files__annotations_jsonl') }}

),

parquet_annotations as (

    select * from {{ ref('stg_raw_files__annotations_parquet') }}

),

synthetic_annotations as (

    select * from {{ ref('stg_synthetic__annotations') }}

),

unioned as (

    select * from csv_annotations
    union all by name
    select * from jsonl_annotations
    union all by name
    select * from parquet_annotations
    union all by name
    select * from synthetic_annotations

)

select * from unioned
