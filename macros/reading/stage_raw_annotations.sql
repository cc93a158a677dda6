{#- The staging select shared by every annotation source: rename to house names, cast the contract
    types (keeping the raw text of values that may not parse) and tag the source. #}
{% macro stage_raw_annotations(relation, message_source, source_format) -%}
    {%- set raw_columns = ['filename', 'message_id', 'annotator_id', 'intent', 'confidence', 'annotated_at'] %}
    select
        {{ raw_row_id(raw_columns) }}
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
    from (
        {{ number_identical_rows(relation, raw_columns) | indent(8) }}
    ) as numbered_rows
{%- endmacro %}
