-- Drift signal, as a warning: the share of raw rows sent to quarantine, per record type, stays
-- under `max_quarantine_share`. A jump means an upstream change (new channel, new timestamp
-- format, new label), not a broken build: the rows are in `quarantined_records` to inspect.
{{ config(severity='warn') }}

with

accounting as (

    select * from {{ ref('row_accounting') }}

),

shares as (

    select
        record_type,
        sum(row_count) as raw_rows,
        sum(case when resolution = 'quarantined' then row_count else 0 end) as quarantined_rows,
        sum(case when resolution = 'quarantined' then row_count else 0 end) / sum(row_count) as quarantined_share,
    from accounting
    group by record_type

)

select * from shares
where quarantined_share > {{ var('max_quarantine_share') }}
