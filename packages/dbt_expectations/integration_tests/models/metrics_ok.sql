-- The good rows of the `metrics` seed (no outlier).
select metrics.*,
from {{ ref('metrics') }} as metrics
where metrics.status = 'ok'
