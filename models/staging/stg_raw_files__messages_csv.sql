with

source as (

    select * from {{ raw_files_relation('raw_files', 'messages_csv', 'messages') }}

),

renamed as (

    {{ stage_raw_messages('source', 'raw_file', 'csv') }}

)

select * from renamed
