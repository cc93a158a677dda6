with

source as (

    select * from {{ raw_files_relation('raw_files', 'messages_jsonl', 'messages') }}

),

renamed as (

    {{ stage_raw_messages('source', 'raw_file', 'jsonl') }}

)

select * from renamed
