{# Expect the relation to have none of the columns of column_list, compared after transform. #}
{% test expect_table_columns_to_not_contain_set(model, column_list, transform="upper") -%}
{{ dbt_expectations._column_set_ctes(model, column_list, transform) }}
{%- if execute %}

-- listed columns present in the relation
select input_columns.input_column,
from input_columns
inner join relation_columns
    on input_columns.input_column = relation_columns.relation_column
{%- endif -%}
{%- endtest %}
