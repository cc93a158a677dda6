-- One row per channel and language: the frames (greeting, sign-off, transcript prompts) that wrap a body.
with

frames as (

    select * from {{ ref('generator_channel_frames') }}

),

listed as (

    select
        channel,
        language,
        list(replace(frame_text, '\n', chr(10)) order by frame_id) as frames,
    from frames
    group by channel, language

)

select * from listed
