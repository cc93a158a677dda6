{#-
    The project's `external` materialization for DuckDB (a project's materialization takes
    precedence over its adapter's): the model's rows are written to its file (`location`,
    `format` parquet, json or csv, `options`) and the relation becomes a view over the file.
    dbt-duckdb's own puts the rows into a table of the database file first, compressed and written
    to disk only to be copied to the file and dropped (1,000,000 messages: 3.5 of the export
    model's 4.9 s); here they wait in a temporary table of the model's connection instead. The same
    file, byte for byte, the same view and the same contract check (column names and types, before
    anything is written); SQL models only. A query with no rows writes one row of nulls, which the
    view filters out, so that the file still names and types every column.
-#}
{% materialization external, adapter='duckdb', supported_languages=['sql'] %}

    {%- set location = render(config.get('location', default=external_location(this, config))) -%}
    {%- set options = render_write_options(config) -%}
    {%- set write_options = adapter.external_write_options(location, options) -%}
    {%- set read_location = adapter.external_read_location(location, options) -%}
    {%- set format = (config.get('format') or options.get('format') or 'parquet') | lower -%}
    {%- if format not in ['parquet', 'json', 'csv'] -%}
        {%- do exceptions.raise_compiler_error(
            'external model ' ~ this ~ ': format must be parquet, json or csv, not ' ~ format
        ) -%}
    {%- endif -%}
    {#- the readers' options, as dbt-duckdb's: `parquet_read_options`, `json_read_options`, `csv_read_options` -#}
    {%- set reader_options = dict(config.get(
        format ~ '_read_options', {'union_by_name': false} if format == 'parquet' else {'auto_detect': true}
    )) -%}
    {%- if format != 'parquet' and options.get('compression') and 'compression' not in reader_options -%}
        {%- do reader_options.update({'compression': options['compression']}) -%}
    {%- endif -%}

    {%- set target_relation = this.incorporate(type='view') -%}
    {%- set existing_relation = load_cached_relation(this) -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {#- the rows wait in a temporary table of the model's connection: DuckDB holds it in memory and
        spills it to its temp directory past memory_limit; the file is copied from it in the table's
        order and chunks, as from dbt-duckdb's table (the same bytes). create_table_as checks an
        enforced contract first. -#}
    {%- set rows_relation = api.Relation.create(identifier=this.identifier ~ '__dbt_rows', type='table') -%}
    {%- set rows_table = 'temp.main.' ~ adapter.quote(rows_relation.identifier) -%}
    {% call statement('drop_rows_left_over') -%}
        drop table if exists {{ rows_table }}
    {%- endcall %}
    {% call statement('create_rows') -%}
        {{ create_table_as(True, rows_relation, compiled_code) }}
    {%- endcall %}
    {%- set is_empty = run_query('select count(*) = 0 from ' ~ rows_table)[0][0] -%}
    {%- if is_empty -%}
        {% call statement('insert_null_row') -%}
            insert into {{ rows_table }} default values
        {%- endcall %}
    {%- endif -%}
    {% call statement('main') -%}
        copy {{ rows_table }} to '{{ location }}' ({{ write_options }})
    {%- endcall %}

    {#- the view replaces whatever relation had the model's name, in the same transaction -#}
    {%- if existing_relation is not none and existing_relation.type != 'view' -%}
        {{ adapter.drop_relation(existing_relation) }}
    {%- endif -%}
    {% call statement('create_view') -%}
        create or replace view {{ target_relation }} as (
            select * from read_{{ format }}('{{ read_location }}'
            {%- for key, value in reader_options.items() -%}
                , {{ key }}={{ "'" ~ value ~ "'" if value is string else value }}
            {%- endfor -%}
            )
            {%- if is_empty %}
            where columns(*) is not null
            {%- endif %}
        )
    {%- endcall %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {% do persist_docs(target_relation, model) %}
    {{ adapter.commit() }}
    {% call statement('drop_rows') -%}
        drop table if exists {{ rows_table }}
    {%- endcall %}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}

{% endmaterialization %}
