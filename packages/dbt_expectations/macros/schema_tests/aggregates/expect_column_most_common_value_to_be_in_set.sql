{# Expect the top_n-th most frequent value of the (optionally filtered) column to be in value_set. #}
{% test expect_column_most_common_value_to_be_in_set(model, column_name, value_set, top_n, quote_values=True, data_type="decimal", row_condition=None) -%}
{%- set value_expression = column_name if quote_values else "cast(" ~ column_name ~ " as " ~ data_type ~ ")" -%}
with value_counts as (

    select
        {{ value_expression }} as value_field,
        count(*) as value_count,
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    group by {{ value_expression }}

),

value_counts_ranked as (

    select
        value_counts.*,
        -- ties are broken by value so that the outcome is deterministic
        row_number() over (
            order by value_counts.value_count desc, value_counts.value_field asc
        ) as value_count_rank,
    from value_counts

),

value_count_top_n as (

    select value_counts_ranked.value_field,
    from value_counts_ranked
    where value_counts_ranked.value_count_rank = {{ top_n }}

),

set_values as (
{{ dbt_expectations._value_set_select(value_set, quote_values, none if quote_values else data_type) }}
),

validation_errors as (

    select value_count_top_n.value_field,
    from value_count_top_n
    where value_count_top_n.value_field not in (
        select distinct set_values.value_field, from set_values
    )

)

select validation_errors.*,
from validation_errors
{%- endtest %}
