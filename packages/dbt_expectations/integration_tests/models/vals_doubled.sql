-- Every row of `vals` twice: twice the row count of `vals_copy`, per group too (factor tests).
select vals.*,
from {{ ref('vals') }} as vals
union all
select vals.*,
from {{ ref('vals') }} as vals
