{# Expect the relation's columns to be exactly the given set (order-insensitive, compared after transform). #}
{% test expect_table_columns_to_match_set(model, column_list, transform="upper") -%}
{{ dbt_expectations._column_set_ctes(model, column_list, transform) }}
{%- if execute %}

select
    relation_columns.relation_column,
    input_columns.input_column,
from relation_columns
full outer join input_columns
    on relation_columns.relation_column = input_columns.input_column
where
    -- a listed column missing from the relation, or a relation column missing from the list
    relation_columns.relation_column is null
    or input_columns.input_column is null
{%- endif -%}
{%- endtest %}
