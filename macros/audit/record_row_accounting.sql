{# post-hook of row_accounting: append the build's row accounting to the audit history. #}
{% macro record_row_accounting(relation) -%}
    {%- if execute and not invocation_args_dict.get('empty', false) -%}
        insert into {{ audit_schema() }}.build_row_accounting
        select
            {{ audit_literal(invocation_id) }} as invocation_id,
            now()::timestamp as recorded_at,
            record_type,
            resolution,
            reason_code,
            row_count,
        from {{ relation }}
    {%- endif -%}
{%- endmacro %}
