-- depends_on: {{ ref('text_mojibake_map') }}
-- One row per synthetic message as it lands: the drafts, planted exact and near duplicates of
-- them, and a few defective rows, each with the noise real traffic carries (casing, stray
-- whitespace and control characters, HTML, mojibake). Keeps what was planted for the ground truth.
{%- set n_total = var('synthetic_messages') | int %}
{%- set n_exact = (n_total * var('synthetic_exact_duplicate_rate', 0.03)) | int %}
{%- set n_near = (n_total * var('synthetic_near_duplicate_rate', 0.015)) | int %}
{%- set n_drafts = n_total - n_exact - n_near %}
{%- set n_defects = (n_total * var('synthetic_defect_rate', 0.003)) | int %}
{%- set n_sources = [n_drafts - n_defects, 1] | max %}
{%- set defect_kinds = ['empty_text', 'blank_text', 'unknown_channel', 'unknown_locale',
                        'unparseable_timestamp', 'missing_message_id'] %}
with

drafts as (

    select * from {{ ref('synthetic_drafts') }}

),

originals as (

    select
        draft_index as emission_index,
        draft_index,
        case
            when draft_index >= {{ n_drafts - n_defects }}
                then
                    [
                        '{{ defect_kinds | join("', '") }}'
                    ][1 + (draft_index % {{ defect_kinds | length }})]
        end as defect_kind,
        cast(null as varchar) as duplicate_kind,
        clean_text as planted_text,
        created_at,
        user_id,
    from drafts

),

duplicate_indices as (

    select
        {{ n_drafts }} + range as emission_index,
        case when range < {{ n_exact }} then 'exact' else 'near' end as duplicate_kind,
        {{ synthetic_hash('duplicate', 'range') }} as duplicate_hash,
    from range({{ n_exact + n_near }})

),

duplicates as (

    select
        duplicate_indices.emission_index,
        drafts.draft_index,
        cast(null as varchar) as defect_kind,
        duplicate_indices.duplicate_kind,
        case
            when duplicate_indices.duplicate_kind = 'exact' then drafts.clean_text
            else case cast(((duplicate_indices.duplicate_hash >> 32) % 4) as integer)
                when 0 then drafts.clean_text || ' Thanks in advance.'
                when 1 then 'Hi again, ' || drafts.clean_text
                when 2 then regexp_replace(drafts.clean_text, '[.!?]?\s*$', '!!')
                else drafts.clean_text || ' (sent twice, sorry)'
            end
        end as planted_text,
        drafts.created_at
        + to_seconds(cast((3600 + (duplicate_indices.duplicate_hash >> 40) % (30 * 86400)) as bigint))
            as created_at,
        drafts.user_id,
    from duplicate_indices
    inner join drafts
        on drafts.draft_index = (duplicate_indices.duplicate_hash % {{ n_sources }})::bigint

),

emitted as (

    select * from originals
    union all
    select * from duplicates

),

with_noise_draws as (

    select
        emitted.*,
        drafts.intent,
        drafts.locale,
        drafts.language,
        drafts.channel,
        drafts.template_id,
        drafts.is_hard_negative,
        drafts.planted_pii,
        {{ synthetic_hash('noise', 'emitted.emission_index') }} as noise_hash,
    from emitted
    inner join drafts
        on emitted.draft_index = drafts.draft_index

),

with_noise_kinds as (

    select
        *,
        list_filter([
            case
                when {{ synthetic_uniform('noise_hash', 0) }} < 0.03 and duplicate_kind is null
                    then 'mojibake'
            end,
            case
                when
                    {{ synthetic_uniform('noise_hash', 1) }} < 0.08
                    and duplicate_kind is null
                    and channel in ('email', 'web_form', 'support_ticket')
                    then 'html'
            end,
            case
                when {{ synthetic_uniform('noise_hash', 2) }} < 0.06 then 'upper_case'
                when {{ synthetic_uniform('noise_hash', 2) }} < 0.14 then 'lower_case'
            end,
            case when {{ synthetic_uniform('noise_hash', 3) }} < 0.10 then 'stray_whitespace' end,
            case when {{ synthetic_uniform('noise_hash', 4) }} < 0.03 then 'control_characters' end,
        ], lambda kind: kind is not null) as noise_kinds,
    from with_noise_draws

),

with_mojibake as (

    select
        * exclude (planted_text),
        case
            when list_contains(noise_kinds, 'mojibake') then {{ plant_mojibake('planted_text') }}
            else planted_text
        end as planted_text,
    from with_noise_kinds

),

with_html as (

    select
        * exclude (planted_text),
        case
            when list_contains(noise_kinds, 'html')
                then '<p>' || replace(
                    replace(replace(planted_text, '&', '&amp;'), '''', '&#39;'), chr(10), '<br>'
                ) || '</p>'
            else planted_text
        end as planted_text,
    from with_mojibake

),

with_surface_noise as (

    select
        * exclude (planted_text),
        case
            when list_contains(noise_kinds, 'upper_case') then upper(planted_text)
            when list_contains(noise_kinds, 'lower_case') then lower(planted_text)
            else planted_text
        end as cased_text,
    from with_html

),

final as (

    select
        emission_index,
        draft_index,
        case
            when defect_kind = 'missing_message_id' then null
            else 'syn-' || lpad(cast(emission_index as varchar), 10, '0')
        end as message_id,
        case
            when defect_kind = 'empty_text' then ''
            when defect_kind = 'blank_text' then '  ' || chr(9) || ' '
            else concat(
                case when list_contains(noise_kinds, 'stray_whitespace') then chr(9) || '  ' end,
                case
                    when list_contains(noise_kinds, 'control_characters')
                        then regexp_replace(cased_text, ' ', ' ' || chr(8203) || chr(7))
                    when list_contains(noise_kinds, 'stray_whitespace')
                        then regexp_replace(cased_text, ' ', '   ')
                    else cased_text
                end,
                case when list_contains(noise_kinds, 'stray_whitespace') then ' ' || chr(10) end
            )
        end as message_text,
        case when defect_kind = 'unknown_channel' then 'fax' else channel end as channel,
        case when defect_kind = 'unknown_locale' then 'xx-XX' else locale end as locale,
        case
            when defect_kind = 'unparseable_timestamp' then 'not a date'
            else strftime(created_at, '%Y-%m-%dT%H:%M:%SZ')
        end as created_at,
        user_id,
        created_at as true_created_at,
        intent as true_intent,
        language as true_language,
        template_id,
        is_hard_negative,
        planted_pii,
        duplicate_kind,
        defect_kind,
        noise_kinds,
    from with_surface_noise

)

select * from final
