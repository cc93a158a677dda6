-- The good rows of `series_reversed`.
select series_reversed.*,
from {{ ref('series_reversed') }} as series_reversed
where series_reversed.status = 'ok'
