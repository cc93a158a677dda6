-- One row per PII type and metric: recall and precision of PII redaction on the synthetic messages,
-- measured against what the generator planted (synthetic_ground_truth.planted_pii). A planted value
-- is recalled when the redacted text no longer contains it (case-insensitively) and holds at least
-- one placeholder of its type. Each placeholder of a type is a detection; in a message, detections
-- of a type are matched to its recalled planted values, and the rest are false positives (all of
-- them where nothing of that type was planted, e.g. a decoy order number taken for a card).
-- Messages planted with an empty or blank text (they carry no text to redact) are left out.
-- Recall counts only planted values still whole in the normalised text (a garbling the repair could
-- not undo leaves one apart; the paraphraser never edits inside one, and for person names
-- tests/python/test_curation_pii.py checks that none is left out); precision keeps every planted value. A person name is looked
-- for as whole words (the letters-only words of the text), so that a first name such as "Mei" is
-- not found inside "mein".
{%- set pii_types = ['email', 'phone', 'card', 'iban', 'ip', 'ssn', 'url', 'person'] %}
with

ground_truth as (

    select * from {{ ref('synthetic_ground_truth') }}

),

redacted as (

    select * from {{ ref('int_messages_redacted') }}

),

measured_messages as (

    select
        ground_truth.message_id,
        ground_truth.planted_pii,
        redacted.message_text_redacted,
        lower(redacted.message_text_redacted) as redacted_lower,
        lower(redacted.message_text_clean) as clean_lower,
        -- the letters-only words, which only a planted person name is looked for in (null otherwise)
        {%- for words, text_column in [('redacted_words', 'message_text_redacted'), ('clean_words', 'message_text_clean')] %}
            case
                when
                    list_bool_or(list_transform(
                        ground_truth.planted_pii, lambda pii: pii.pii_type = 'person' and not pii.is_decoy
                    ))
                    then {{ letter_words('redacted.' ~ text_column) }}
            end as {{ words }},
        {%- endfor %}
        {%- for pii_type in pii_types %}
            redacted.pii_{{ pii_type }}_count,
        {%- endfor %}
    from ground_truth
    inner join redacted
        on
            ground_truth.message_id = redacted.message_id
            and redacted.message_source = 'synthetic'
    where coalesce(ground_truth.defect_kind, '') not in ('empty_text', 'blank_text')

),

per_message_and_type as (

    {%- for pii_type in pii_types %}
        {%- if pii_type == 'person' %}
            {%- set redacted_haystack, clean_haystack = 'redacted_words', 'clean_words' %}
            {%- set planted_needle = letter_words('pii.pii_value') %}
        {%- else %}
            {%- set redacted_haystack, clean_haystack = 'redacted_lower', 'clean_lower' %}
            {%- set planted_needle = 'lower(pii.pii_value)' %}
        {%- endif %}
        select
            measured_messages.message_id,
            '{{ pii_type }}' as pii_type,
            measured_messages.pii_{{ pii_type }}_count as detection_count,
            -- one pair of flags per planted value of the type: recalled (gone from the redacted
            -- text, which holds a placeholder of the type), and still whole in the normalised
            -- text (not when a garbling the repair could not undo is left inside it)
            list_transform(
                list_filter(
                    measured_messages.planted_pii,
                    lambda pii: pii.pii_type = '{{ pii_type }}' and not pii.is_decoy
                ),
                lambda pii: struct_pack(
                    is_recalled := measured_messages.pii_{{ pii_type }}_count > 0
                    and not contains(measured_messages.{{ redacted_haystack }}, {{ planted_needle }}),
                    is_intact := contains(measured_messages.{{ clean_haystack }}, {{ planted_needle }})
                )
            ) as planted_values,
        from measured_messages
        {{ 'union all' if not loop.last }}
    {%- endfor %}

),

per_type as (

    select
        per_message_and_type.pii_type,
        sum(per_message_and_type.detection_count) as detection_count,
        sum(least(
            per_message_and_type.detection_count,
            len(list_filter(per_message_and_type.planted_values, lambda planted: planted.is_recalled))
        )) as matched_detection_count,
        sum(len(list_filter(
            per_message_and_type.planted_values, lambda planted: planted.is_intact
        ))) as intact_planted_count,
        sum(len(list_filter(
            per_message_and_type.planted_values, lambda planted: planted.is_intact and planted.is_recalled
        ))) as intact_recalled_count,
    from per_message_and_type
    group by per_message_and_type.pii_type

),

pii_types as (

    select
        unnest(['{{ pii_types | join("', '") }}']) as pii_type,
        unnest(range(1, {{ pii_types | length + 1 }})) as type_order,

),

metrics as (

    select
        pii_types.type_order,
        1 as metric_order,
        'recall' as metric,
        pii_types.pii_type,
        per_type.intact_recalled_count / nullif(per_type.intact_planted_count, 0) as metric_value,
        0.99 as target,
        coalesce(per_type.intact_planted_count, 0) as support,
    from pii_types
    left join per_type
        on pii_types.pii_type = per_type.pii_type
    union all
    select
        pii_types.type_order,
        2 as metric_order,
        'precision' as metric,
        pii_types.pii_type,
        per_type.matched_detection_count / nullif(per_type.detection_count, 0) as metric_value,
        0.98 as target,
        coalesce(per_type.detection_count, 0) as support,
    from pii_types
    left join per_type
        on pii_types.pii_type = per_type.pii_type

),

final as (

    select
        'pii_redaction' as stage,
        metric,
        pii_type as slice,
        cast(metric_value as double) as value,
        cast(target as double) as target,
        coalesce(metric_value >= target, false) as meets_target,
        cast(support as bigint) as support,
    from metrics
    order by type_order, metric_order

)

select * from final
