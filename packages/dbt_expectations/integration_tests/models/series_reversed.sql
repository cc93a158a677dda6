-- The `series` seed counted down: remaining (100 - seq_id), steps_left (5 - step_no, per batch) and level (-reading)
-- decrease along event_ts on the `ok` rows; the 2 `bad` rows become a repeat and a rise.
select
    series.*,
    100 - series.seq_id as remaining,
    5 - series.step_no as steps_left,
    -series.reading as level,
from {{ ref('series') }} as series
