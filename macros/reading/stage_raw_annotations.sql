{#- The staging select shared by every annotation source: rename to house names, cast the contract
    types (keeping the raw text of values that may not parse) and tag the source. #}
{% macro stage_raw_annotations(relation, message_source, source_format) -%}
    select
        {{ raw_row_id(['filename', 'message_id', 'annotator_id', 'intent', 'confidence', 'annotated_at']) }}
            as raw_row_id,
        '{{ message_source }}' as message_source,
        '{{ source_format }}' as source_format,
        filename::varchar as source_file,
        nullif(trim(message_id::varchar), '') as message_id,
        nullif(trim(annotator_id::varchar), '') as annotator_id,
        lower(trim(intent::varchar)) as intent,
        confidence::varchar as confidence_raw,
        try_cast(confidence::varchar as double) as confidence,
        annotated_at::varchar as annotated_at_raw,
        try_cast(annotated_at::varchar as timestamptz) at time zone 'UTC' as annotated_at,
    from {{ relation }}
{%- endmacro %}
