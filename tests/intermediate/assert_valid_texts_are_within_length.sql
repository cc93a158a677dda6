-- Every row that passes the row rules has a clean text of 1 to max_text_length characters:
-- empty_text and text_too_long quarantine the others. int_messages_validated is narrow, so its
-- verdict is joined to the clean text of int_messages_redacted. Returns the valid rows out of bounds.
with

validated as (

    select
        raw_row_id,
        rejection_reason,
    from {{ ref('int_messages_validated') }}

),

redacted as (

    select
        raw_row_id,
        source_file,
        message_text_clean,
    from {{ ref('int_messages_redacted') }}

)

select
    redacted.raw_row_id,
    redacted.source_file,
    length(redacted.message_text_clean) as text_length,
from validated
inner join redacted
    on validated.raw_row_id = redacted.raw_row_id
where
    validated.rejection_reason is null
    and (
        redacted.message_text_clean is null
        or length(redacted.message_text_clean) not between 1 and {{ var('max_text_length') }}
    )
