{# Expect the relation to have every column of column_list (other columns may exist), compared after transform. #}
{% test expect_table_columns_to_contain_set(model, column_list, transform="upper") -%}
{{ dbt_expectations._column_set_ctes(model, column_list, transform) }}
{%- if execute %}

-- listed columns missing from the relation
select input_columns.input_column,
from input_columns
left join relation_columns
    on input_columns.input_column = relation_columns.relation_column
where relation_columns.relation_column is null
{%- endif -%}
{%- endtest %}
