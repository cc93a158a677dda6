-- A copy of `vals` with the group column under another name, the target of the *_other_table tests.
select
    vals.*,
    vals.grp as group_key,
from {{ ref('vals') }} as vals
