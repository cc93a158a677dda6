-- The good rows of the `vals` seed: the data of the cases that need no row_condition to pass.
select vals.*,
from {{ ref('vals') }} as vals
where vals.status = 'ok'
