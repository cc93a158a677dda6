with

source as (

    select * from {{ raw_files_relation('raw_files', 'annotations_parquet', 'annotations') }}

),

renamed as (

    {{ stage_raw_annotations('source', 'raw_file', 'parquet') }}

)

select * from renamed
