-- One row per raw message row with the first row-level rule it breaks (null when it breaks none):
-- missing_message_id, empty_text, unstable_text (normalising the clean text again would change it),
-- garbled_text (mojibake markers left after repair), text_too_long, unknown_channel, unknown_locale,
-- unparseable_timestamp, future_timestamp (sent over a day after this run started: a clock or
-- parsing error upstream), language_not_kept (detected language not in export_languages), then
-- duplicate_message_id for every row of an id but the first.
{#- A send time over a day after this run started is in the future: a clock or parsing error upstream. #}
{%- set future_limit = (run_started_at + modules.datetime.timedelta(days=1)).strftime('%Y-%m-%d %H:%M:%S') %}
{%- set export_languages = var('export_languages') %}
{%- if export_languages is string %}
    {%- set export_languages = export_languages.split(',') | map('trim') | list %}
{%- endif %}
with

messages as (

    select * from {{ ref('int_messages_redacted') }}

),

channels as (

    select * from {{ ref('channels') }}

),

locales as (

    select * from {{ ref('locale_jurisdictions') }}

),

languages as (

    select * from {{ ref('int_messages_language') }}

),

row_rules as (

    select
        messages.*,
        locales.language as locale_language,
        locales.jurisdiction,
        locales.regulation,
        case
            when messages.message_id is null then 'missing_message_id'
            when messages.message_text_clean = '' then 'empty_text'
            when not messages.is_text_stable then 'unstable_text'
            when messages.has_mojibake_left then 'garbled_text'
            when length(messages.message_text_clean) > {{ var('max_text_length') }} then 'text_too_long'
            when channels.channel is null then 'unknown_channel'
            when locales.locale is null then 'unknown_locale'
            when messages.created_at is null then 'unparseable_timestamp'
            when messages.created_at > timestamp '{{ future_limit }}' then 'future_timestamp'
            when not list_contains(
                [
                    {%- for language in export_languages %}
                        {{ sql_string_literal(language) }}{{ ', ' if not loop.last }}
                    {%- endfor -%}
                ]::varchar[],
                coalesce(languages.language, 'und')
            ) then 'language_not_kept'
        end as row_rule_violation,
    from messages
    left join channels
        on messages.channel = channels.channel
    left join locales
        on messages.locale = locales.locale
    left join languages
        on messages.raw_row_id = languages.raw_row_id

),

{#- The first valid row of each message id, by a grouped arg_min over narrow columns joined back: a
    window would sort every wide row by id. raw_row_id is unique, so the first row is one row. #}

first_valid_rows as (

    select
        message_id,
        arg_min(raw_row_id, (created_at, source_file, raw_row_id)) as first_raw_row_id,
    from row_rules
    where row_rule_violation is null
    group by message_id

),

final as (

    -- narrow: the row's keys, its matching text (what deduplication reads), the locale's facts and
    -- the verdict; the texts and attributes stay in int_messages_redacted (join on raw_row_id):
    -- writing its 25 columns again cost more than the rules themselves
    select
        row_rules.raw_row_id,
        row_rules.message_source,
        row_rules.source_format,
        row_rules.source_file,
        row_rules.message_id,
        row_rules.created_at,
        row_rules.message_text_match,
        row_rules.locale_language,
        row_rules.jurisdiction,
        row_rules.regulation,
        case
            when row_rules.row_rule_violation is not null then row_rules.row_rule_violation
            when row_rules.raw_row_id != first_valid_rows.first_raw_row_id then 'duplicate_message_id'
        end as rejection_reason,
    from row_rules
    left join first_valid_rows
        on row_rules.message_id = first_valid_rows.message_id

)

select * from final
