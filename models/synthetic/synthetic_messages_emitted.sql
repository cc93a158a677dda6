-- depends_on: {{ ref('text_mojibake_map') }}
-- One row per synthetic message as it lands: the drafts, planted exact and near duplicates of
-- them, and a few defective rows, each with the noise real traffic carries (casing, stray
-- whitespace and control characters, HTML, mojibake). Keeps what was planted for the ground truth.
-- Near duplicates are seeded paraphrases (word deletions, insertions, swaps, typos, punctuation,
-- casing, an added greeting or sign-off), light ones meant to stay above the near-duplicate
-- threshold and heavy ones meant to fall below it; the ground truth measures which do.
{%- set n_total = var('synthetic_messages') | int %}
{%- set n_exact = (n_total * var('synthetic_exact_duplicate_rate', 0.03)) | int %}
{%- set n_near = (n_total * var('synthetic_near_duplicate_rate', 0.015)) | int %}
{%- set n_drafts = n_total - n_exact - n_near %}
{%- set n_defects = (n_total * var('synthetic_defect_rate', 0.003)) | int %}
{%- set n_sources = [n_drafts - n_defects, 1] | max %}
{%- set defect_kinds = ['empty_text', 'blank_text', 'unknown_channel', 'unknown_locale',
                        'unparseable_timestamp', 'missing_message_id'] %}
with

drafts as (

    select * from {{ ref('synthetic_drafts') }}

),

originals as (

    select
        draft_index as emission_index,
        draft_index,
        case
            when draft_index >= {{ n_drafts - n_defects }}
                then
                    [
                        '{{ defect_kinds | join("', '") }}'
                    ][1 + (draft_index % {{ defect_kinds | length }})]
        end as defect_kind,
        cast(null as varchar) as duplicate_kind,
        clean_text as planted_text,
        created_at,
        user_id,
    from drafts

),

duplicate_indices as (

    select
        {{ n_drafts }} + range as emission_index,
        case when range < {{ n_exact }} then 'exact' else 'near' end as duplicate_kind,
        {{ synthetic_hash('duplicate', 'range') }} as duplicate_hash,
    from range({{ n_exact + n_near }})

),

duplicate_sources as (

    select
        duplicate_indices.emission_index,
        drafts.draft_index,
        duplicate_indices.duplicate_kind,
        duplicate_indices.duplicate_hash,
        drafts.clean_text,
        drafts.planted_pii,
        drafts.created_at,
        drafts.user_id,
        -- near duplicates: about two in three are light paraphrases meant to stay above the
        -- near-duplicate threshold, the others heavy ones meant to fall below it
        case
            when {{ synthetic_uniform('duplicate_indices.duplicate_hash', 5) }} < 0.65 then 0.03
            else 0.2
        end as word_edit_rate,
        string_split(drafts.clean_text, ' ') as words,
    from duplicate_indices
    inner join drafts
        on drafts.draft_index = {{ hash_modulo('duplicate_indices.duplicate_hash', n_sources) }}::bigint

),

paraphrase_draws as (

    select
        *,
        list_transform(
            range(1, len(words) + 1),
            lambda word_position: {{ synthetic_hash('paraphrase', "emission_index || '-' || word_position") }}
        ) as word_draws,
        1 + (duplicate_hash >> 64) % len(words) as forced_position,
    from duplicate_sources
    where duplicate_kind = 'near'

),

{#- A capitalised word (a name, a greeting), the three words before one and the word after it
    ("Nina here") are protected: they keep their letters and their place (a word that holds a line
    break is capitalised when a line of it starts with a capital). An edit there breaks the cue the redactor reads ("my name is",
    "Bonjour Arjun") or cuts a name apart ("Nina, Patel"): the name survives in one copy only and
    the pair stops matching. So is every word of a planted PII value (decoys too): a deleted domain
    word ("x [at] [dot] example [dot] net") would leave a value the ground truth does not know. #}

pii_word_spans as (

    select
        *,
        -- the first and last word of each planted value, counted in spaces before its first occurrence
        list_transform(
            list_filter(planted_pii, lambda pii: contains(clean_text, pii['pii_value'])),
            lambda pii: [
                1 + length(regexp_replace(
                    left(clean_text, strpos(clean_text, pii['pii_value']) - 1), '[^ ]', '', 'g'
                )),
                1 + length(regexp_replace(
                    left(clean_text, strpos(clean_text, pii['pii_value']) - 1 + length(pii['pii_value'])),
                    '[^ ]', '', 'g'
                )),
            ]
        ) as pii_spans,
    from paraphrase_draws

),

paraphrase_protection as (

    select
        *,
        list_transform(
            range(1, len(words) + 1),
            lambda word_position: list_bool_or(list_transform(
                range(greatest(word_position - 1, 1), least(word_position + 3, len(words)) + 1),
                -- a word holds the line breaks after it: "groet,\n\nChiara" ends in a name
                lambda near_position: regexp_matches(words[near_position], '(?:^|\s)\W*\p{Lu}')
            ))
            or list_bool_or(list_transform(
                list_append(pii_spans, [0, 0]),
                lambda span: word_position between span[1] and span[2]
            ))
        ) as is_protected,
    from pii_word_spans

),

{#- Word edits: 0 delete, 1 insert a filler word before, 2 typo (two letters swapped), 3 swap with
    the next word, 4 punctuation added or dropped, 5 upper case (only noise once lower-cased). One
    word, drawn, always gets one of the first five, so that no paraphrase is an exact copy; a drawn
    word that is protected hands that edit to the last word, which gets punctuation only (a comma
    after the last word of a message cuts no name apart). Words with digits only ever get
    punctuation (4), and a word is never swapped with a protected one. #}

paraphrase_targets as (

    select
        *,
        is_protected[cast(forced_position as bigint)] as is_edit_handed_over,
        case
            when is_protected[cast(forced_position as bigint)] then len(words)
            else forced_position
        end as edited_position,
    from paraphrase_protection

),

paraphrase_operations as (

    select
        *,
        list_transform(range(1, len(words) + 1), lambda word_position: case
            when word_position = edited_position and is_edit_handed_over then 4
            -- a word with digits is only ever punctuated: a typo, a deletion or a swap in a digit
            -- group can turn a decoy into a Luhn-valid card number
            when regexp_matches(words[word_position], '\d') and word_position = edited_position then 4
            when
                regexp_matches(words[word_position], '\d')
                and {{ hash_modulo('word_draws[word_position] >> 24', 6) }} in (0, 2, 3)
                then -1
            when is_protected[word_position] then -1
            when
                word_position = edited_position
                and {{ hash_modulo('word_draws[word_position] >> 24', 5) }} = 3
                and coalesce(is_protected[word_position + 1], false)
                then 4
            when word_position = edited_position then {{ hash_modulo('word_draws[word_position] >> 24', 5) }}
            when
                {{ synthetic_uniform('word_draws[word_position]', 0) }} < word_edit_rate
                and {{ hash_modulo('word_draws[word_position] >> 24', 6) }} = 3
                and coalesce(is_protected[word_position + 1], false)
                then 4
            when {{ synthetic_uniform('word_draws[word_position]', 0) }} < word_edit_rate
                then {{ hash_modulo('word_draws[word_position] >> 24', 6) }}
            else -1
        end) as word_operations,
    from paraphrase_targets

),

paraphrased as (

    select
        emission_index,
        array_to_string(
            list_filter(
                list_transform(
                    range(1, len(words) + 1),
                    lambda word_position: case
                        when word_position > 1 and word_operations[word_position - 1] = 3 then ''
                        when word_operations[word_position] = 0 then ''
                        when word_operations[word_position] = 1
                            then ['really', 'please', 'just', 'kindly', 'actually', 'now'][
                                1 + cast({{ hash_modulo('word_draws[word_position] >> 32', 6) }} as integer)
                            ] || ' ' || words[word_position]
                        when word_operations[word_position] = 2 and length(words[word_position]) >= 4
                            then concat(
                                left(words[word_position], 1),
                                substr(words[word_position], 3, 1),
                                substr(words[word_position], 2, 1),
                                substr(words[word_position], 4)
                            )
                        when word_operations[word_position] = 2 then words[word_position] || right(words[word_position], 1)
                        when word_operations[word_position] = 3 then concat(words[word_position + 1], ' ', words[word_position])
                        when word_operations[word_position] = 4 and regexp_matches(words[word_position], '[.,!?;:]$')
                            then left(words[word_position], -1)
                        when word_operations[word_position] = 4 then words[word_position] || ','
                        when word_operations[word_position] = 5 then upper(words[word_position])
                        else words[word_position]
                    end
                ),
                lambda word: word != ''
            ),
            ' '
        ) as paraphrased_text,
    from paraphrase_operations

),

duplicates as (

    select
        duplicate_sources.emission_index,
        duplicate_sources.draft_index,
        cast(null as varchar) as defect_kind,
        duplicate_sources.duplicate_kind,
        case
            when duplicate_sources.duplicate_kind = 'exact' then duplicate_sources.clean_text
            else case cast({{ hash_modulo('duplicate_sources.duplicate_hash >> 32', 5) }} as integer)
                when 0 then paraphrased.paraphrased_text || ' Thanks in advance.'
                when 1 then 'Hi again, ' || paraphrased.paraphrased_text
                else paraphrased.paraphrased_text
            end
        end as planted_text,
        duplicate_sources.created_at
        + to_seconds(cast((3600 + (duplicate_sources.duplicate_hash >> 40) % (30 * 86400)) as bigint))
            as created_at,
        duplicate_sources.user_id,
    from duplicate_sources
    left join paraphrased
        on duplicate_sources.emission_index = paraphrased.emission_index

),

emitted as (

    select * from originals
    union all
    select * from duplicates

),

with_noise_draws as (

    select
        emitted.*,
        drafts.intent,
        drafts.locale,
        drafts.language,
        drafts.channel,
        drafts.template_id,
        drafts.is_hard_negative,
        drafts.planted_pii,
        emitted.planted_text as clean_planted_text,
        {{ synthetic_hash('noise', 'emitted.emission_index') }} as noise_hash,
    from emitted
    inner join drafts
        on emitted.draft_index = drafts.draft_index

),

with_noise_kinds as (

    select
        *,
        list_filter([
            case
                when {{ synthetic_uniform('noise_hash', 0) }} < 0.03 and duplicate_kind is null
                    then 'mojibake'
            end,
            case
                when
                    {{ synthetic_uniform('noise_hash', 1) }} < 0.08
                    and duplicate_kind is null
                    and channel in ('email', 'web_form', 'support_ticket')
                    then 'html'
            end,
            case
                when {{ synthetic_uniform('noise_hash', 2) }} < 0.06 then 'upper_case'
                when {{ synthetic_uniform('noise_hash', 2) }} < 0.14 then 'lower_case'
            end,
            case when {{ synthetic_uniform('noise_hash', 3) }} < 0.10 then 'stray_whitespace' end,
            case when {{ synthetic_uniform('noise_hash', 4) }} < 0.03 then 'control_characters' end,
        ], lambda kind: kind is not null) as noise_kinds,
    from with_noise_draws

),

with_mojibake as (

    select
        * exclude (planted_text),
        case
            when list_contains(noise_kinds, 'mojibake') then {{ plant_mojibake('planted_text') }}
            else planted_text
        end as planted_text,
    from with_noise_kinds

),

with_html as (

    select
        * exclude (planted_text),
        case
            when list_contains(noise_kinds, 'html')
                then '<p>' || replace(
                    replace(replace(planted_text, '&', '&amp;'), '''', '&#39;'), chr(10), '<br>'
                ) || '</p>'
            else planted_text
        end as planted_text,
    from with_mojibake

),

with_surface_noise as (

    select
        * exclude (planted_text),
        case
            when list_contains(noise_kinds, 'upper_case') then upper(planted_text)
            when list_contains(noise_kinds, 'lower_case') then lower(planted_text)
            else planted_text
        end as cased_text,
    from with_html

),

final as (

    select
        emission_index,
        draft_index,
        case
            when defect_kind = 'missing_message_id' then null
            else 'syn-' || lpad(cast(emission_index as varchar), 10, '0')
        end as message_id,
        case
            when defect_kind = 'empty_text' then ''
            when defect_kind = 'blank_text' then '  ' || chr(9) || ' '
            else concat(
                case when list_contains(noise_kinds, 'stray_whitespace') then chr(9) || '  ' end,
                case
                    when list_contains(noise_kinds, 'control_characters')
                        then regexp_replace(cased_text, ' ', ' ' || chr(8203) || chr(7))
                    when list_contains(noise_kinds, 'stray_whitespace')
                        then regexp_replace(cased_text, ' ', '   ')
                    else cased_text
                end,
                case when list_contains(noise_kinds, 'stray_whitespace') then ' ' || chr(10) end
            )
        end as message_text,
        case when defect_kind = 'unknown_channel' then 'fax' else channel end as channel,
        case when defect_kind = 'unknown_locale' then 'xx-XX' else locale end as locale,
        case
            when defect_kind = 'unparseable_timestamp' then 'not a date'
            else strftime(created_at, '%Y-%m-%dT%H:%M:%SZ')
        end as created_at,
        user_id,
        created_at as true_created_at,
        intent as true_intent,
        language as true_language,
        template_id,
        is_hard_negative,
        planted_pii,
        duplicate_kind,
        defect_kind,
        noise_kinds,
        {{ synthetic_match_text('clean_planted_text', 'planted_pii') }} as planted_match_text,
    from with_surface_noise

)

select * from final
