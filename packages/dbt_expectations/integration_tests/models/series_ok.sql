-- The good rows of the `series` seed.
select series.*,
from {{ ref('series') }} as series
where series.status = 'ok'
