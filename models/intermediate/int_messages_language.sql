-- noqa: disable=RF03
-- (sqlfluff reads the struct fields of lambda parameters, candidate.score, as table references)
-- One row per raw message row: the language detected from its redacted, lower-cased text.
-- Each word, each word ending (last three letters of words of five letters or more) and each
-- non-ASCII character is looked up in the seed language_profiles; a feature listed for n
-- languages adds 1/n to each of them (a word ending counts half). The best-scoring language wins
-- when it has at least language_min_score and leads every other by language_min_margin; when
-- several languages are that close, the locale's language breaks the tie if it is one of them;
-- otherwise, and when the evidence is too weak, the language is 'und'. The scores depend on the
-- text alone, so each distinct text is scored once and the decision, which reads the locale, is
-- made per row. A text is carried through the scoring by a 128-bit key (md5_number of the text),
-- never by the text itself: a feature row per word holding a copy of a long text would not fit in
-- memory (tests/python/test_bad_input_corpus.py has a 2 MB text).
{%- set min_score = var('language_min_score') %}
{%- set min_margin = var('language_min_margin') %}
{#- The languages of seed language_profiles (its accepted_values test lists the same seven). #}
{%- set languages = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'] %}
with

messages as (

    select * from {{ ref('int_messages_redacted') }}

),

locales as (

    select * from {{ ref('locale_jurisdictions') }}

),

profiles as (

    select * from {{ ref('language_profiles') }}

),

weighted_profiles as (

    select
        language,
        feature_kind,
        -- one lookup key per feature: words as they are, endings behind '-', letters behind '#'
        -- (a word of the text is letters only, so the three kinds never collide)
        case feature_kind when 'word' then feature when 'suffix' then '-' || feature else '#' || feature end
            as feature_key,
        -- in whole units of 1/1680 (divisible by 1 to 8 and halved), so that sums are exact and
        -- the same in any order: a tie stays a tie whatever the thread count
        (case feature_kind when 'suffix' then 840 else 1680 end)
        // count(*) over (partition by feature_kind, feature) as feature_weight_units,
    from profiles

),

keyed_messages as (

    select
        raw_row_id,
        message_id,
        locale,
        message_text_match,
        md5_number(message_text_match) as text_key,
    from messages

),

texts as (

    -- one row per distinct text (the text taken once per key, never grouped by)
    select
        text_key,
        any_value(message_text_match) as message_text_match,
    from keyed_messages
    group by text_key

),

tokenized as materialized (

    -- materialised: the features and the token counts both read it
    select
        text_key,
        list_filter(
            regexp_split_to_array(message_text_match, '[^\p{L}]+'), lambda token: token != ''
        ) as tokens,
        -- an ASCII-only text has no letter beyond it: the regex runs on the others only
        case
            when strlen(message_text_match) = length(message_text_match) then []
            else regexp_extract_all(message_text_match, '[^\x00-\x7f]')
        end as characters,
    from texts

),

features as (

    select
        text_key,
        unnest(list_concat(
            tokens,
            list_transform(list_filter(tokens, lambda token: length(token) >= 5), lambda token: '-' || right(token, 3)),
            list_transform(characters, lambda letter: '#' || letter)
        )) as feature_key,
    from tokenized

),

feature_weights as (

    -- one row per feature of the profiles with its weight for each language (0 for the languages
    -- that do not list it) and whether it is a word of that language: the features of the texts
    -- are joined to it once, and only those it lists are summed
    select
        feature_key,
        {%- for language in languages %}
            coalesce(sum(feature_weight_units) filter (where language = '{{ language }}'), 0)
                as weight_units_{{ language }},
            count(*) filter (where language = '{{ language }}' and feature_kind = 'word') as words_{{ language }},
        {%- endfor %}
    from weighted_profiles
    group by feature_key

),

feature_scores as (

    select
        features.text_key,
        {%- for language in languages %}
            sum(feature_weights.weight_units_{{ language }}) as weight_units_{{ language }},
            sum(feature_weights.words_{{ language }}) as function_words_{{ language }},
        {%- endfor %}
    from features
    inner join feature_weights
        on features.feature_key = feature_weights.feature_key
    group by features.text_key

),

language_scores as (

    -- one row per distinct text with the evidence for each language of the profiles (seed accepted_values);
    -- the weights are whole units, so the sums are exact whatever the order
    select
        tokenized.text_key,
        len(tokenized.tokens) as token_count,
        {%- for language in languages %}
            coalesce(feature_scores.weight_units_{{ language }}, 0) / 1680.0 as score_{{ language }},
            coalesce(feature_scores.function_words_{{ language }}, 0)::bigint as function_words_{{ language }},
        {%- endfor %}
    from tokenized
    left join feature_scores
        on tokenized.text_key = feature_scores.text_key

),

candidates as (

    select
        text_key,
        token_count,
        -- languages with any evidence, best first (ties in alphabetical order)
        list_transform(
            list_sort(list_filter([
                {%- for language in languages %}
                    {
                        'rank_key': -score_{{ language }},
                        'language': '{{ language }}',
                        'score': score_{{ language }},
                        'function_word_count': function_words_{{ language }}
                    }{{ ',' if not loop.last }}
                {%- endfor %}
            ], lambda candidate: candidate.score > 0)),
            lambda candidate: {
                'language': candidate.language,
                'score': candidate.score,
                'function_word_count': candidate.function_word_count
            }
        ) as ranked,
    from language_scores

),

contested as (

    select
        keyed_messages.raw_row_id,
        keyed_messages.message_id,
        locales.language as locale_language,
        candidates.token_count,
        candidates.ranked,
        -- the languages whose score is within the margin of the best one (every one tied with it included)
        list_filter(
            candidates.ranked,
            lambda candidate: candidate.score > candidates.ranked[1].score - {{ min_margin }}
            or candidate.score = candidates.ranked[1].score
        ) as close_candidates,
    from keyed_messages
    inner join candidates
        on keyed_messages.text_key is not distinct from candidates.text_key
    left join locales
        on keyed_messages.locale = locales.locale

),

decided as (

    select
        *,
        case
            when len(ranked) = 0 or ranked[1].score < {{ min_score }} then 'und'
            when len(close_candidates) = 1 then ranked[1].language
            when
                list_contains(list_transform(close_candidates, lambda candidate: candidate.language), locale_language)
                then locale_language
            else 'und'
        end as language,
    from contested

),

final as (

    select
        raw_row_id,
        message_id,
        locale_language,
        language,
        round(case
            when language = 'und' then 0.0
            else greatest(
                list_filter(ranked, lambda candidate: candidate.language = language)[1].score
                - coalesce(list_filter(ranked, lambda candidate: candidate.language != language)[1].score, 0.0),
                0.0
            ) / ranked[1].score
        end, 4) as language_confidence,
        round(coalesce(ranked[1].score, 0.0), 4) as language_evidence,
        coalesce(list_filter(ranked, lambda candidate: candidate.language != language)[1].language, 'und')
            as runner_up_language,
        language != 'und' and len(close_candidates) > 1 as is_locale_tie_break,
        token_count,
        coalesce(
            list_filter(ranked, lambda candidate: candidate.language = language)[1].function_word_count,
            ranked[1].function_word_count,
            0
        ) as function_word_count,
    from decided

)

select * from final
