{# on-run-start: create the audit schema and its append-only tables when they are missing. #}
{% macro create_audit_tables() -%}
    create schema if not exists {{ audit_schema() }};

    create table if not exists {{ audit_schema() }}.dbt_invocations (
        invocation_id varchar,
        project_name varchar,
        command varchar,
        target_name varchar,
        dbt_version varchar,
        threads integer,
        started_at timestamp,
        finished_at timestamp,
        duration_seconds double,
        is_success boolean,
        node_count integer,
        error_count integer,
        warn_count integer,
        skipped_count integer,
        vars json,
        cli_vars json,
        invocation_args json,
        package_versions json
    );

    create table if not exists {{ audit_schema() }}.dbt_node_results (
        invocation_id varchar,
        unique_id varchar,
        resource_type varchar,
        node_name varchar,
        package_name varchar,
        layer varchar,
        materialized varchar,
        relation_name varchar,
        status varchar,
        thread_id varchar,
        started_at timestamp,
        completed_at timestamp,
        execution_seconds double,
        rows_affected bigint,
        relation_rows bigint,
        failures bigint,
        message varchar
    );

    create table if not exists {{ audit_schema() }}.build_row_accounting (
        invocation_id varchar,
        recorded_at timestamp,
        record_type varchar,
        resolution varchar,
        reason_code varchar,
        row_count bigint
    );

    create table if not exists {{ audit_schema() }}.build_class_mix (
        invocation_id varchar,
        recorded_at timestamp,
        dataset_version varchar,
        split varchar,
        intent varchar,
        example_count bigint,
        real_count bigint,
        synthetic_count bigint
    );
{%- endmacro %}
