{#- The staging select shared by every message source: rename to house names, cast the contract
    types (keeping the raw timestamp text), pseudonymise the user and tag the source. #}
{% macro stage_raw_messages(relation, message_source, source_format) -%}
    {%- set raw_columns = ['filename', 'message_id', 'text', 'channel', 'locale', 'created_at', 'user_id'] %}
    select
        {{ raw_row_id(raw_columns) }}
            as raw_row_id,
        '{{ message_source }}' as message_source,
        '{{ source_format }}' as source_format,
        filename::varchar as source_file,
        nullif(trim(message_id::varchar), '') as message_id,
        text::varchar as message_text,
        lower(trim(channel::varchar)) as channel,
        trim(locale::varchar) as locale,
        created_at::varchar as created_at_raw,
        try_cast(created_at::varchar as timestamptz) at time zone 'UTC' as created_at,
        {{ pseudonymise('user_id::varchar') }} as user_pseudonym,
    from (
        {{ number_identical_rows(relation, raw_columns) | indent(8) }}
    ) as numbered_rows
{%- endmacro %}
