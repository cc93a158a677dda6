{# Shared core of the uniqueness tests: select each combination of the columns that occurs more than once. #}
{% macro _compound_columns_duplicates(model, column_list, quote_columns=False, ignore_row_if="all_values_are_missing", row_condition=None) -%}
{%- if not column_list or column_list is string -%}
    {{ exceptions.raise_compiler_error(
        "`column_list` must be specified as a list of columns. Got: '" ~ column_list ~ "'."
    ) }}
{%- endif -%}
{%- if quote_columns not in [true, false] -%}
    {{ exceptions.raise_compiler_error(
        "`quote_columns` must be one of [True, False]. Got: '" ~ quote_columns ~ "'."
    ) }}
{%- endif -%}
{%- set columns = [] -%}
{%- for column in column_list -%}
    {%- do columns.append(adapter.quote(column) if quote_columns else column) -%}
{%- endfor -%}
with validation_errors as (

    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        count(*) as {{ adapter.quote("n_records") }},
    from {{ model }}
    where
        {{ dbt_expectations.ignore_row_if_expression(ignore_row_if, columns) }}
        {%- if row_condition %}
        and ({{ row_condition }})
        {%- endif %}
    group by
        {%- for column in columns %}
        {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    having count(*) > 1

)

select validation_errors.*,
from validation_errors
{%- endmacro %}
