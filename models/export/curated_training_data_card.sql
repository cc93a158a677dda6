-- The dataset card, one row per line of `output/DATASET_CARD.md` (the post-hook writes the file):
-- Hugging Face front matter, purpose, how to load, the fields with an example row, labels, sources
-- with their licences and annotators, generator parameters, curation steps with their figures,
-- splits and balancing, known limitations, citation and how to reproduce. Every figure and every
-- claim that depends on the vars is read from the data of the build or from the vars, and every
-- list has a fixed order, so identical data gives a byte-identical card.
{%- set generator_vars = ['synthetic_messages', 'random_seed', 'synthetic_exact_duplicate_rate',
                          'synthetic_near_duplicate_rate', 'synthetic_defect_rate', 'synthetic_pii_rate',
                          'synthetic_pii_decoy_rate'] %}
{%- set method = var('balance_method') if var('balance_method') is not none else 'none' %}
{%- set interpolating = ['smote', 'smotenc', 'adasyn', 'borderline_smote', 'smote_tomek'] %}
{%- set overrides = var('balance_targets') or {} %}
{%- set own_targets = ", or the label's own `balance_targets` entry" if overrides else "" %}
{%- set interpolation = 'feature vectors interpolated between a row and one of its `smote_k_neighbors` ('
    ~ var('smote_k_neighbors') ~ ') nearest same-class rows' %}
{%- set learned_from = ' (`text` null), learned from at most ' ~ var('smote_max_rows_per_class') ~ ' real rows per label' %}
{%- set made_with = {
    'random_oversample': 'copies of its own rows',
    'augment': 'new texts edited from its real train texts (a synonym, a swap of two words or a dropped word)',
    'smotenc': interpolation ~ ', channel and locale voted by the neighbours' ~ learned_from,
}.get(method, interpolation ~ learned_from) %}
{#- the balancing sentence; format() arguments: {0} smallest and {1} largest real train label, {2} labels
    raised, {3} rows added, {4} labels lowered, {5} real rows removed, {6} synthetic rows removed -#}
{%- if method == 'none' %}
    {%- set balancing_sentence = 'Balancing: none (`balance_method: none`): the train split keeps its natural class'
        ~ ' mix; {3} rows added, {5} removed.' %}
{%- elif method == 'random_undersample' %}
    {%- set balancing_sentence = 'Balancing of the train split only: `random_undersample` lowers each label to at most'
        ~ ' floor({0} / ' ~ var('balance_target_ratio') ~ ') rows (smallest train label / `balance_target_ratio`'
        ~ own_targets ~ ') by removing real rows in a seeded order: {4} labels lowered, {5} real rows removed'
        ~ ' (their ids are in the manifest), no row added.' %}
{%- else %}
    {%- set balancing_sentence = 'Balancing of the train split only: `' ~ method ~ '` raises each label below its'
        ~ ' target, ceil(' ~ var('balance_target_ratio') ~ ' x {1}) rows (' ~ var('balance_target_ratio')
        ~ ' of the largest train label' ~ own_targets ~ '), with ' ~ made_with ~ ': {2} labels raised, {3} rows added'
        ~ ('; Tomek links then removed {5} real and {6} synthetic rows' if method == 'smote_tomek' else '') ~ '.' %}
{%- endif %}
{#- the sampling sentence; format() arguments: {0} sampled and {1} curated messages -#}
{%- if var('sampling_strategy') in (none, 'none', 'None') %}
    {%- set sampling_sentence = 'No sample is taken before splitting (`sampling_strategy: none`): all {0} curated'
        ~ ' messages are split.' %}
{%- else %}
    {%- set sampling_sentence = 'A `' ~ var('sampling_strategy') ~ '` sample is taken before splitting: {0} of the {1}'
        ~ ' curated messages (the rest left out, counted in the manifest).' %}
{%- endif %}
{%- if (var('control_ratio') | float) > 0 %}
    {%- set split_sentence = ' A `control` split of ' ~ var('control_ratio') ~ ' of them is held out first; train ' %}
{%- else %}
    {%- set split_sentence = ' No `control` split is held out (`control_ratio: 0`); train ' %}
{%- endif %}
{%- set split_sentence = split_sentence ~ var('train_ratio') ~ ', validation ' ~ var('validation_ratio')
    ~ ' and test ' ~ var('test_ratio') ~ ' share the rest.' %}
{#- the export's columns as its YAML contract describes them: the field table has one source -#}
{%- set export_node = graph.nodes.get('model.' ~ project_name ~ '.curated_training_data') if execute else none %}
{%- set export_columns = export_node.columns.values() | list if export_node else [] %}
{%- set plain_columns = [] %}
{%- for column in export_columns if not column.name.startswith('f_') %}
    {%- do plain_columns.append(column.name) %}
{%- endfor %}
with

export as (

    select * from {{ ref('curated_training_data') }}

),

manifest as (

    select * from {{ ref('curated_training_data_manifest') }}

),

accounting as (

    select * from {{ ref('row_accounting') }}

),

pool as (

    select * from {{ ref('curated_messages') }}

),

sampled as (

    select * from {{ ref('ml_sampled_messages') }}

),

balancing_report as (

    select * from {{ ref('sampling_report') }}

),

duplicates as (

    select * from {{ ref('removed_duplicates') }}

),

messages_resolved as (

    select * from {{ ref('int_messages_resolved') }}

),

annotations_resolved as (

    select * from {{ ref('int_annotations_resolved') }}

),

data_sources as (

    select * from {{ ref('data_sources') }}

),

taxonomy as (

    select * from {{ ref('intent_taxonomy') }}

),

versions as (

    select * from {{ ref('ml_runtime_versions') }}

),

quality as (

    select * from {{ ref('curation_report') }}

),

headline as (

    select
        (select any_value(dataset_version) from export) as dataset_version,
        (select any_value(parquet_sha256) from manifest) as parquet_sha256,
        (select count(*) from export) as example_count,
        (select count_if(is_synthetic) from export) as synthetic_count,
        (select count_if(is_synthetic and text is not null) from export) as synthetic_text_count,
        (select count_if(is_synthetic and message_id is not null) from export) as synthetic_with_message_id,
        (select count_if(has_text) from export) as text_count,
        (select count(*) from pool) as pool_count,
        (select count_if(message_source = 'synthetic') from pool) as generated_count,
        (select count_if(is_sampled) from sampled) as sampled_count,
        (select string_agg(distinct language, ', ' order by language) from pool) as languages,
        (select avg(annotator_agreement) from pool) as mean_agreement,
        (select count(*) filter (where duplicate_kind = 'exact') from duplicates) as exact_duplicates,
        (select count(*) filter (where duplicate_kind = 'near') from duplicates) as near_duplicates,

),

-- which source each real example of the export comes from (seed `data_sources`)
example_sources as (

    select
        export.message_id,
        coalesce(by_prefix.source_key, case when resolved.message_source = 'synthetic' then 'generator' end, 'user_files')
            as source_key,
    from export
    inner join messages_resolved as resolved
        on export.message_id = resolved.message_id and resolved.resolution = 'kept'
    left join data_sources as by_prefix
        on
            resolved.message_source = 'raw_file'
            and by_prefix.file_prefix is not null
            and starts_with(regexp_extract(resolved.source_file, '[^/\\]*$'), by_prefix.file_prefix)
    where export.message_id is not null

),

source_annotators as (

    select
        example_sources.source_key,
        count(distinct annotations.annotator_id) as annotator_count,
        list(distinct annotations.annotator_id order by annotations.annotator_id) as annotator_ids,
    from example_sources
    inner join annotations_resolved as annotations
        on example_sources.message_id = annotations.kept_message_id and annotations.resolution = 'used'
    group by example_sources.source_key

),

source_example_counts as (

    select
        source_key,
        count(*) as example_count,
    from example_sources
    group by source_key

),

sources_present as (

    select
        data_sources.*,
        counts.example_count,
        coalesce(source_annotators.annotator_count, 0) as annotator_count,
        coalesce(source_annotators.annotator_ids, []) as annotator_ids,
    from source_example_counts as counts
    inner join data_sources
        on counts.source_key = data_sources.source_key
    left join source_annotators
        on counts.source_key = source_annotators.source_key

),

cited_sources as (

    select count(*) filter (where citation is not null) as cited_count,
    from sources_present

),

front_matter_values as (

    select
        case
            when (select count(distinct licence_id) from sources_present) = 1
                then (select any_value(licence_id) from sources_present)
            when (select bool_or(licence_id = 'unknown') from sources_present) then 'unknown'
            else 'other'
        end as licence_id,
        -- the project's own rows (generator, hand-written samples) are under its MIT licence (LICENSE)
        coalesce((select bool_or(source_key in ('generator', 'sample')) from sources_present), false)
            as has_own_rows,
        case
            when example_count < 1000 then 'n<1K'
            when example_count < 10000 then '1K<n<10K'
            when example_count < 100000 then '10K<n<100K'
            when example_count < 1000000 then '100K<n<1M'
            when example_count < 10000000 then '1M<n<10M'
            when example_count < 100000000 then '10M<n<100M'
            else '100M<n<1B'
        end as size_category,
        (select count(distinct language) from export) as language_count,
        (select count_if(origin in ('generator', 'balancer_copy', 'interpolation', 'augmentation')) from export)
            as made_count,
    from headline

),

label_counts as (

    select
        taxonomy.intent,
        taxonomy.definition,
        taxonomy.legal_basis,
        count(pool.message_id) as kept_count,
    from taxonomy
    left join pool
        on taxonomy.intent = pool.intent
    group by taxonomy.intent, taxonomy.definition, taxonomy.legal_basis

),

accounting_totals as (

    select
        record_type,
        sum(row_count) as raw_rows,
        coalesce(sum(row_count) filter (where resolution in ('kept', 'used')), 0) as kept_rows,
        coalesce(sum(row_count) filter (where resolution = 'duplicate'), 0) as duplicate_rows,
        coalesce(sum(row_count) filter (where resolution = 'quarantined'), 0) as quarantined_rows,
    from accounting
    group by record_type

),

split_counts as (

    select
        split,
        count(*) as example_count,
        count(*) filter (where not is_synthetic) as real_count,
        count(*) filter (where is_synthetic) as synthetic_count,
    from export
    group by split

),

split_intent_counts as (

    select
        intent,
        count(*) filter (where split = 'train' and not is_synthetic) as train_real,
        count(*) filter (where split = 'train' and is_synthetic) as train_synthetic,
        count(*) filter (where split = 'validation') as validation_count,
        count(*) filter (where split = 'test') as test_count,
        count(*) filter (where split = 'control') as control_count,
    from export
    group by intent

),

origin_counts as (

    select
        origin,
        count(*) as example_count,
        count(*) filter (where has_text) as text_count,
        string_agg(distinct split, ', ' order by split) as splits,
    from export
    group by origin

),

train_balance as (

    select
        count(*) filter (where rows_added > 0) as labels_raised,
        coalesce(sum(rows_added), 0) as rows_added,
        count(*) filter (where real_rows_removed > 0) as labels_lowered,
        coalesce(sum(real_rows_removed), 0) as real_rows_removed,
        coalesce(sum(synthetic_rows_removed), 0) as synthetic_rows_removed,
        count(*) filter (where not target_reached) as labels_short,
        min(real_rows_before) as smallest_label,
        max(real_rows_before) as largest_label,
    from balancing_report
    where split = 'train'

),

source_counts as (

    select
        'source' as dimension,
        message_source as dimension_value,
        count(*) as kept_count,
    from pool
    group by message_source
    union all
    select
        'channel' as dimension,
        channel as dimension_value,
        count(*) as kept_count,
    from pool
    group by channel
    union all
    select
        'language' as dimension,
        language as dimension_value,
        count(*) as kept_count,
    from pool
    group by language

),

-- one real train example with a text, preferably one that shows a redaction, as JSON
example_row as (

    select to_json(chosen) as row_json
    from (
        select * exclude (example_rank)
        from (
            select
                {{ plain_columns | join(', ') }},  -- noqa: LT05
                row_number() over (
                    order by
                        regexp_matches(export.text, '<[A-Z_]+>') desc,
                        abs(length(export.text) - 120),
                        export.example_id
                ) as example_rank,
            from export
            where not export.is_synthetic and export.has_text and export.split = 'train'
        ) as ranked
        where example_rank = 1
    ) as chosen

),

example_fields as (

    select
        positions.field_position,
        json_keys(example_row.row_json)[positions.field_position] as field_name,
        example_row.row_json -> json_keys(example_row.row_json)[positions.field_position] as field_value,
        len(json_keys(example_row.row_json)) as field_count,
    from example_row
    cross join range(1, len(json_keys(example_row.row_json)) + 1) as positions (field_position)

),

-- (section, sort key, line): each section's lines, assembled in order at the end
front_matter_lines as (

    -- the fixed lines; the lines below, read from the data, fill the gaps between their sort keys
    {{ card_lines(5, [
        ('00', '---'),
        ('01', 'pretty_name: Privacy intent training data (curated_training_data)'),
        ('04', 'language:'),
        ('07', 'task_categories:'),
        ('08', '- text-classification'),
        ('09', 'task_ids:'),
        ('10', '- intent-classification'),
        ('11', '- multi-class-classification'),
        ('12', 'size_categories:'),
        ('14', 'tags:'),
        ('15', '- privacy'),
        ('16', '- gdpr'),
        ('17', '- ccpa'),
        ('18', '- data-subject-requests'),
        ('19', '- pii-redacted'),
        ('21', '---'),
    ]) }}
    union all
    select
        5 as section,
        '02' as sort_key,
        'license: ' || licence_id as line,
    from front_matter_values
    union all
    select
        5 as section,
        static_lines.sort_key,
        static_lines.line,
    from front_matter_values
    cross join (
        values
        ('03a', 'license_name: per-source'),
        ('03b', 'license_link: README')
    ) as static_lines (sort_key, line)
    where front_matter_values.licence_id = 'other'
    union all
    select
        5 as section,
        '03c' as sort_key,
        'license_details: '
        || case
            when has_own_rows
                then
                    'MIT (LICENSE) for the rows of this project''s generator and samples; every other source keeps'
                    || ' its own licence, listed in the section Sources, licences and annotators'
            else 'the licence of each source, in the section Sources, licences and annotators'
        end as line,
    from front_matter_values
    where licence_id = 'other'
    union all
    select distinct
        5 as section,
        '05-' || language as sort_key,
        '- ' || language as line,
    from export
    where language is not null
    union all
    select
        5 as section,
        '06' as sort_key,
        'multilinguality: ' || case when language_count > 1 then 'multilingual' else 'monolingual' end as line,
    from front_matter_values
    union all
    select
        5 as section,
        '13' as sort_key,
        '- ' || size_category as line,
    from front_matter_values
    union all
    select
        5 as section,
        '20' as sort_key,
        '- synthetic' as line,
    from front_matter_values
    where made_count > 0

),

header_lines as (

    {{ card_lines(10, [
        ('00', '# Dataset card: curated_training_data'),
        ('01', ''),
        ('02', 'Generated by dbt from the data of the build (model `curated_training_data_card`): never edit it by hand.'),
        ('03', 'Identical data gives a byte-identical card. The front matter above is the metadata block of a Hugging Face dataset card (publish the card as `README.md`).'),
        ('04', ''),
        ('05', '| | |'),
        ('06', '|---|---|'),
    ]) }}
    union all
    select
        10 as section,
        '07' as sort_key,
        '| dataset_version | `' || dataset_version || '` (content hash of every example) |' as line,
    from headline
    union all
    select
        10 as section,
        '08' as sort_key,
        format('| examples | {} ({} real, {} synthetic) |', example_count, example_count - synthetic_count, synthetic_count) as line,  -- noqa: LT05
    from headline
    union all
    select
        10 as section,
        '08b' as sort_key,
        format('| with text | {} of {} (`has_text`) |', text_count, example_count) as line,
    from headline
    union all
    select
        10 as section,
        '09' as sort_key,
        '| Parquet | `curated_training_data.parquet`, sha256 `' || parquet_sha256 || '` |' as line,
    from headline
    union all
    select
        10 as section,
        '10' as sort_key,
        '| manifest | `curated_training_data.manifest.json` (counts, vars, package versions, row accounting) |' as line,
    union all
    select
        10 as section,
        '11' as sort_key,
        '' as line,

),

purpose_lines as (

    {{ card_lines(20, [
        ('00', '## Purpose'),
        ('01', ''),
        ('02', 'Training and evaluation data for a classifier of **privacy intent** in user messages (e-mails, chats,'),
        ('03', 'web forms, tickets, transcripts, reviews, social posts): which privacy right or request, if any, a'),
        ('04', 'message expresses. Consumer: the `ml` exposure `intent_classifier_training`. Not for identifying,'),
        ('05', 'profiling or contacting the senders: texts are PII-redacted and user ids never leave staging.'),
        ('06', ''),
    ]) }}

),

loading_lines as (

    {{ card_lines(25, [
        ('00', '## How to load it'),
        ('01', ''),
        ('02', 'One Parquet file beside this card holds every split: the column `split` says which (`train`, `validation`,'),
        ('03', '`test`, `control`), and `has_text` whether a row carries a text.'),
        ('04', ''),
        ('05', '```python'),
        ('06', 'import pandas as pd'),
        ('07', ''),
        ('08', 'df = pd.read_parquet("curated_training_data.parquet")'),
        ('09', 'train = df[(df["split"] == "train") & df["has_text"]]'),
        ('10', '```'),
        ('11', ''),
        ('12', '```python'),
        ('13', 'import duckdb'),
        ('14', ''),
        ('15', "duckdb.sql(\"select split, intent, count(*) from 'curated_training_data.parquet' group by all order by all\").show()"),
        ('16', '```'),
        ('17', ''),
        ('18', '```python'),
        ('19', 'from datasets import load_dataset  # pip install datasets'),
        ('20', ''),
        ('21', '# one table of every row: `split="train"` is the name `datasets` gives a single file'),
        ('22', 'rows = load_dataset("parquet", data_files="curated_training_data.parquet", split="train")'),
        ('23', 'test = rows.filter(lambda row: row["split"] == "test")'),
        ('24', '```'),
        ('25', ''),
    ]) }}

),

field_lines as (

    {%- set field_lines = [
        ('00', '## Fields'),
        ('01', ''),
        ('02', 'Every column of the Parquet file (the enforced contract of the model `curated_training_data`):'),
        ('03', ''),
        ('04', '| column | type | meaning |'),
        ('05', '|---|---|---|'),
    ] %}
    {%- for column in export_columns %}
        {%- set meaning = (column.description or '') | replace('|', '\\|') | replace('\n', ' ') | trim %}
        {%- do field_lines.append((
            '06-' ~ ('%03d' % loop.index),
            '| `' ~ column.name ~ '` | ' ~ column.data_type ~ ' | ' ~ meaning ~ ' |'
        )) %}
    {%- endfor %}
    {%- do field_lines.extend([
        ('07', ''),
        ('08', 'Where the rows come from (`origin`) and which carry a text:'),
        ('09', ''),
        ('10', '| origin | examples | with text | splits |'),
        ('11', '|---|---:|---:|---|'),
    ]) %}
    {{ card_lines(30, field_lines) }}
    union all
    select
        30 as section,
        '12-' || origin as sort_key,
        format('| {} | {} | {} | {} |', origin, example_count, text_count, splits) as line,
    from origin_counts
    union all
    select
        30 as section,
        '13' as sort_key,
        '' as line,

),

example_lines as (

    select
        35 as section,
        '00' as sort_key,
        '## An example row' as line,
    union all
    select
        35 as section,
        '01' as sort_key,
        '' as line,
    union all
    select
        35 as section,
        '02' as sort_key,
        'A real train example of this export, its text as exported (PII redacted), without its `f_*` feature columns:' as line,
    union all
    select
        35 as section,
        '03' as sort_key,
        '' as line,
    union all
    select
        35 as section,
        '04' as sort_key,
        '```json' as line,
    union all
    select
        35 as section,
        '05' as sort_key,
        '{' as line,
    union all
    select
        35 as section,
        '06-' || lpad(field_position::varchar, 3, '0') as sort_key,
        '  ' || to_json(field_name) || ': ' || field_value || case when field_position < field_count then ',' else '' end
            as line,
    from example_fields
    union all
    select
        35 as section,
        '07' as sort_key,
        '}' as line,
    union all
    select
        35 as section,
        '08' as sort_key,
        '```' as line,
    union all
    select
        35 as section,
        '09' as sort_key,
        '' as line,

),

label_lines as (

    {{ card_lines(40, [
        ('00', '## Labels (`intent`)'),
        ('01', ''),
        ('02', '| label | definition | legal basis | kept messages | share |'),
        ('03', '|---|---|---|---:|---:|'),
    ]) }}
    union all
    select
        40 as section,
        '04-' || intent as sort_key,
        format(
            '| {} | {} | {} | {} | {} |',
            intent,
            replace(definition, '|', '\|'),
            replace(legal_basis, '|', '\|'),
            kept_count,
            printf('%.1f%%', 100.0 * kept_count / nullif((select pool_count from headline), 0))
        ) as line,
    from label_counts
    union all
    select
        40 as section,
        '05' as sort_key,
        '' as line,

),

source_lines as (

    {{ card_lines(45, [
        ('00', '## Sources, licences and annotators'),
        ('01', ''),
        ('02', 'The real examples of this export by source (seed `data_sources`; a raw file belongs to a source by its name).'),
        ('03', 'A row the balancer made derives from the real train rows it names in `source_example_ids`, under their terms.'),
        ('04', ''),
        ('05', '| source | licence | real examples | annotators of its labels | how labelled |'),
        ('06', '|---|---|---:|---|---|'),
    ]) }}
    union all
    select
        45 as section,
        '07-' || source_key as sort_key,
        format(
            '| {} | {} | {} | {} | {} |',
            source_name || coalesce(' (' || source_url || ')', ''),
            licence,
            example_count,
            annotator_count::varchar || ': ' || case
                when annotator_count <= 10 then array_to_string(annotator_ids, ', ')
                else annotator_ids[1] || ', ' || annotator_ids[2] || ', ..., ' || annotator_ids[-1]
            end,
            how_labelled
        ) as line,
    from sources_present
    union all
    {{ card_lines(45, [
        ('08', ''),
        ('09', 'The kept messages (before sampling and balancing) by source, channel and language:'),
        ('10', ''),
        ('11', '| dimension | value | kept messages | share |'),
        ('12', '|---|---|---:|---:|'),
    ]) }}
    union all
    select
        45 as section,
        '13-' || case dimension when 'source' then '1' when 'channel' then '2' else '3' end || '-' || dimension_value as sort_key,
        format(
            '| {} | {} | {} | {} |',
            dimension,
            dimension_value,
            kept_count,
            printf('%.1f%%', 100.0 * kept_count / nullif((select pool_count from headline), 0))
        ) as line,
    from source_counts
    union all
    select
        45 as section,
        '14' as sort_key,
        '' as line,

),

generator_lines as (

    {%- set generator_lines = [('00', '## Generator parameters'), ('01', '')] %}
    {%- if (var('synthetic_messages') | int) == 0 %}
        {%- do generator_lines.append((
            '01b',
            'The generator was off (`synthetic_messages: 0`): no kept message comes from it, and its rates below had no'
            ~ ' effect.'
        )) %}
        {%- do generator_lines.append(('01c', '')) %}
    {%- endif %}
    {%- do generator_lines.extend([('02', '| var | value |'), ('03', '|---|---|')]) %}
    {%- for name in generator_vars %}
        {%- do generator_lines.append(('04-' ~ (loop.index + 10), '| `' ~ name ~ '` | ' ~ var(name) ~ ' |')) %}
    {%- endfor %}
    {%- do generator_lines.append(('05', '')) %}
    {{ card_lines(50, generator_lines) }}

),

curation_lines as (

    {{ card_lines(60, [
        ('00', '## Curation steps and their measured figures'),
        ('01', ''),
        ('02', 'Staging reads every raw file with a pinned dialect; intermediate models normalise the text, redact PII,'),
        (
            '03',
            'detect the language (kept: ' ~ var('export_languages') | join(', ')
            ~ '), validate each row, remove exact and near duplicates'
        ),
        (
            '04',
            '(MinHash/LSH over character ' ~ var('near_duplicate_shingle_size') ~ '-shingles, Jaccard >= '
            ~ var('near_duplicate_threshold') ~ '; a cluster keeps one message) and reach a label by'
            ~ ' reliability-weighted annotator consensus (`min_label_confidence` ' ~ var('min_label_confidence')
            ~ ', `max_text_length` ' ~ var('max_text_length') ~ ').'
        ),
        ('05', 'Every raw row ends kept (or used), duplicate or quarantined with a reason code:'),
        ('06', ''),
        ('07', '| record | raw rows | kept or used | duplicates | quarantined |'),
        ('08', '|---|---:|---:|---:|---:|'),
    ]) }}
    union all
    select
        60 as section,
        '09-' || record_type as sort_key,
        format('| {} | {} | {} | {} | {} |', record_type, raw_rows, kept_rows, duplicate_rows, quarantined_rows) as line,
    from accounting_totals
    union all
    select
        60 as section,
        '10' as sort_key,
        '' as line,
    union all
    select
        60 as section,
        '11' as sort_key,
        '| record | quarantine reason | rows | share of raw rows |' as line,
    union all
    select
        60 as section,
        '12' as sort_key,
        '|---|---|---:|---:|' as line,
    union all
    select
        60 as section,
        '13-' || accounting.record_type || '-' || accounting.reason_code as sort_key,
        format(
            '| {} | {} | {} | {} |',
            accounting.record_type,
            accounting.reason_code,
            accounting.row_count,
            printf('%.2f%%', 100.0 * accounting.row_count / accounting_totals.raw_rows)
        ) as line,
    from accounting
    inner join accounting_totals
        on accounting.record_type = accounting_totals.record_type
    where accounting.resolution = 'quarantined'
    union all
    select
        60 as section,
        '14' as sort_key,
        '' as line,
    union all
    select
        60 as section,
        '15' as sort_key,
        case
            when (select bool_and(note = 'not measured: no generated data') from quality)
                then 'Quality figures (model `curation_report`): not measured: no generated data (the generator is off and own data carries no ground truth):'  -- noqa: LT05
            else 'Quality figures (model `curation_report`, measured against the generator''s ground truth):'
        end as line,
    union all
    select
        60 as section,
        '16' as sort_key,
        '' as line,
    union all
    select
        60 as section,
        '17' as sort_key,
        '| stage | metric | slice | value | target | meets target | support |' as line,
    union all
    select
        60 as section,
        '18' as sort_key,
        '|---|---|---|---:|---:|---|---:|' as line,
    union all
    select
        60 as section,
        '19-' || coalesce(stage, '') || '-' || coalesce(metric, '') || '-' || coalesce(slice, '') as sort_key,
        format(
            '| {} | {} | {} | {} | {} | {} | {} |',
            coalesce(stage, '-'),
            coalesce(metric, '-'),
            coalesce(slice, '-'),
            coalesce(printf('%.4f', value), note, '-'),
            coalesce(printf('%.4f', target), '-'),
            coalesce(meets_target::varchar, '-'),
            coalesce(support::varchar, '-')
        ) as line,
    from quality
    union all
    select
        60 as section,
        '19' as sort_key,
        '| (none reported) | | | | | | |' as line,
    where not exists (select 1 from quality)
    union all
    select
        60 as section,
        '20' as sort_key,
        '' as line,

),

split_lines as (

    {{ card_lines(70, [
        ('00', '## Splits and balancing'),
        ('01', ''),
    ]) }}
    union all
    select
        70 as section,
        '02' as sort_key,
        format({{ sql_string_literal(sampling_sentence ~ split_sentence) }}, sampled_count, pool_count) as line,
    from headline
    union all
    select
        70 as section,
        '03' as sort_key,
        'Stratified by {{ var("stratify_by") | join(" x ") }} (strata under {{ var("min_stratum_size") }} rows pooled by the small-strata rule) and grouped by user and duplicate cluster (`random_seed` {{ var("random_seed") }}).' as line,  -- noqa: LT05
    union all
    select
        70 as section,
        '04' as sort_key,
        format(
            {{ sql_string_literal(balancing_sentence) }},  -- noqa: LT05
            smallest_label,
            largest_label,
            labels_raised,
            rows_added,
            labels_lowered,
            real_rows_removed,
            synthetic_rows_removed
        )
        || case
            when labels_short = 0 then ' Every label reached its target.'
            else format(' {} labels missed their target (see `sampling_report.fallback_reason`).', labels_short)
        end
        || ' Validation, test and control keep the natural mix.' as line,
    from train_balance
    union all
    {{ card_lines(70, [
        ('05', ''),
        ('06', '| split | examples | real | synthetic |'),
        ('07', '|---|---:|---:|---:|'),
    ]) }}
    union all
    select
        70 as section,
        '08-' || case split when 'train' then '1' when 'validation' then '2' when 'test' then '3' else '4' end as sort_key,
        format('| {} | {} | {} | {} |', split, example_count, real_count, synthetic_count) as line,
    from split_counts
    union all
    select
        70 as section,
        '09' as sort_key,
        '' as line,
    union all
    select
        70 as section,
        '10' as sort_key,
        '| label | train real | train synthetic | validation | test | control |' as line,
    union all
    select
        70 as section,
        '11' as sort_key,
        '|---|---:|---:|---:|---:|---:|' as line,
    union all
    select
        70 as section,
        '12-' || intent as sort_key,
        format(
            '| {} | {} | {} | {} | {} | {} |', intent, train_real, train_synthetic, validation_count, test_count, control_count
        ) as line,
    from split_intent_counts
    union all
    select
        70 as section,
        '13' as sort_key,
        '' as line,

),

limitation_lines as (

    select
        80 as section,
        '00' as sort_key,
        '## Known limitations' as line,
    union all
    select
        80 as section,
        '01' as sort_key,
        '' as line,
    union all
    select
        80 as section,
        '02' as sort_key,
        format(
            '- {} of the kept messages ({}) come from the template generator, not from real users.',
            printf('%.1f%%', 100.0 * generated_count / nullif(pool_count, 0)),
            generated_count
        ) as line,
    from headline
    union all
    select
        80 as section,
        '03' as sort_key,
        case
            when synthetic_count = 0
                then '- The export holds no synthetic example (`balance_method: {{ method }}` added none): every row is a curated message.'  -- noqa: LT05
            else format(
                '- Of the {} synthetic train examples, {} carry a text (copies or augmented texts) and {} are feature vectors only (`text` null): a text model drops those. {}',  -- noqa: LT05
                synthetic_count,
                synthetic_text_count,
                synthetic_count - synthetic_text_count,
                case
                    when synthetic_with_message_id = 0 then 'No synthetic example has a `message_id`.'
                    else synthetic_with_message_id::varchar || ' synthetic examples have a `message_id`.'
                end
            )
        end as line,
    from headline
    union all
    select
        80 as section,
        '04' as sort_key,
        '- Languages covered: ' || languages || '; other languages are absent.' as line,
    from headline
    union all
    select
        80 as section,
        '05' as sort_key,
        '- Labels under 1% of the kept messages: '
        || coalesce(
            (
                select string_agg(intent, ', ' order by intent) from label_counts
                where kept_count < 0.01 * (select pool_count from headline)
            ),
            'none'
        )
        || '.' as line,
    union all
    select
        80 as section,
        '06' as sort_key,
        format(
            '- Labels are annotator consensus (mean agreement {}), not ground truth; no label under confidence {} is kept.',
            printf('%.3f', mean_agreement),
            {{ var('min_label_confidence') }}
        ),
    from headline
    union all
    select
        80 as section,
        '07' as sort_key,
        '- PII redaction is rule-based (patterns, Luhn check, a name list): unusual formats can slip through.' as line,
    union all
    select
        80 as section,
        '08' as sort_key,
        format(
            '- Duplicates are removed, one message kept per cluster: {} exact and {} near duplicates in this build (near: Jaccard similarity >= {{ var("near_duplicate_threshold") }} of character {{ var("near_duplicate_shingle_size") }}-shingles, texts of at least {{ var("near_duplicate_min_shingles") }} shingles). Texts less similar than that, and shorter texts that differ after normalisation, are kept as separate messages.',  -- noqa: LT05
            exact_duplicates,
            near_duplicates
        ) as line,
    from headline
    union all
    select
        80 as section,
        '09' as sort_key,
        '' as line,

),

citation_lines as (

    {{ card_lines(85, [
        ('00', '## Citation'),
        ('01', ''),
        ('02', '```bibtex'),
    ]) }}
    union all
    select
        85 as section,
        '03' as sort_key,
        '@misc{curated_training_data_' || replace(dataset_version, '-', '_') || ',' as line,
    from headline
    union all
    select
        85 as section,
        '04' as sort_key,
        '  title = {Privacy intent training data (curated\_training\_data)},' as line,
    union all
    select
        85 as section,
        '05' as sort_key,
        '  note = {dataset_version ' || replace(dataset_version, '_', '\_') || ', built by privacy-intent-curation (the dbt project {{ project_name | replace("_", "\\_") }})},'  -- noqa: LT05
            as line,
    from headline
    union all
    select
        85 as section,
        '06' as sort_key,
        '  howpublished = {curated\_training\_data.parquet, sha256 ' || parquet_sha256 || '}' as line,
    from headline
    union all
    {{ card_lines(85, [
        ('07', '}'),
        ('08', '```'),
        ('09', ''),
    ]) }}
    union all
    select
        85 as section,
        '10' as sort_key,
        'Cite the sources too:' as line,
    from cited_sources
    where cited_count > 0
    union all
    select
        85 as section,
        '11-' || source_key as sort_key,
        '- ' || source_name || ': ' || citation || '.' as line,
    from sources_present
    where citation is not null
    union all
    select
        85 as section,
        '12' as sort_key,
        '' as line,
    from cited_sources
    where cited_count > 0

),

reproduce_lines as (

    {%- set reproduce_lines = [
        ('00', '## Reproduce'),
        ('01', ''),
        ('02', "Same raw files, vars and packages give byte-identical files: `dbt build --vars '<the mapping below>'`, every var of the build:"),
        ('03', ''),
        ('04', '```yaml'),
    ] %}
    {%- for name, value in audited_vars().items() | sort %}
        {%- do reproduce_lines.append(('05-' ~ ('%03d' % loop.index), name ~ ': ' ~ tojson(value))) %}
    {%- endfor %}
    {%- do reproduce_lines.extend([('06', '```'), ('07', ''), ('08', '| package | version |'), ('09', '|---|---|')]) %}
    {{ card_lines(90, reproduce_lines) }}
    union all
    select
        90 as section,
        '10-' || package_name as sort_key,
        format('| {} | {} |', package_name, package_version) as line,
    from versions

),

lines as (

    select * from front_matter_lines
    union all
    select * from header_lines
    union all
    select * from purpose_lines
    union all
    select * from loading_lines
    union all
    select * from field_lines
    union all
    select * from example_lines
    union all
    select * from label_lines
    union all
    select * from source_lines
    union all
    select * from generator_lines
    union all
    select * from curation_lines
    union all
    select * from split_lines
    union all
    select * from limitation_lines
    union all
    select * from citation_lines
    union all
    select * from reproduce_lines

),

final as (

    select
        row_number() over (order by section, sort_key) as line_number,
        line,
    from lines

)

select * from final
