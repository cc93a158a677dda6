with

source as (

    select * from {{ raw_files_relation('raw_files', 'annotations_jsonl', 'annotations') }}

),

renamed as (

    {{ stage_raw_annotations('source', 'raw_file', 'jsonl') }}

)

select * from renamed
