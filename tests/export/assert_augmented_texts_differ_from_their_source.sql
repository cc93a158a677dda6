-- An augmented text is an edit of a real train text: it names that row, differs from its text and
-- keeps every redaction placeholder (such as <EMAIL>) of it.
with

exported as (

    select * from {{ ref('curated_training_data') }}

),

augmented as (

    select * from exported
    where synthesis_method = 'augment'

),

sources as (

    select
        example_id,
        split,
        text,
    from exported
    where not is_synthetic

),

compared as (

    select
        augmented.example_id,
        augmented.text,
        sources.text as source_text,
        sources.split as source_split,
    from augmented
    left join sources
        on augmented.source_example_ids[1] = sources.example_id

)

select * from compared
where
    source_text is null
    or source_split != 'train'
    or text = source_text
    or list_sort(regexp_extract_all(text, '<[A-Z_]+>'))
    != list_sort(regexp_extract_all(source_text, '<[A-Z_]+>'))
