{# post-hook of the export: append the build's examples per split and intent to the audit history. #}
{% macro record_class_mix(relation) -%}
    {%- if execute and not invocation_args_dict.get('empty', false) -%}
        insert into {{ audit_schema() }}.build_class_mix
        select
            {{ audit_literal(invocation_id) }} as invocation_id,
            now()::timestamp as recorded_at,
            any_value(dataset_version) as dataset_version,
            split,
            intent,
            count(*) as example_count,
            count(*) filter (where not is_synthetic) as real_count,
            count(*) filter (where is_synthetic) as synthetic_count,
        from {{ relation }}
        group by split, intent
    {%- endif -%}
{%- endmacro %}
