-- depends_on: {{ ref('intent_lexicon') }}
-- One row per kept message: its consensus label, language and jurisdiction, and the numeric
-- features (prefix f_) a downstream model and the class balancer use.
{%- set privacy_intents = ['access', 'deletion', 'rectification', 'portability', 'restriction',
                           'objection', 'opt_out_sale_sharing', 'limit_sensitive_data',
                           'consent_withdrawal', 'marketing_unsubscribe', 'privacy_complaint',
                           'privacy_info_question'] %}
{%- set pii_types = ['url', 'email', 'iban', 'card', 'ssn', 'ip', 'phone', 'person'] %}
with

resolved as (

    select * from {{ ref('int_messages_resolved') }}
    where resolution = 'kept'

),

messages as (

    select * from {{ ref('int_messages_validated') }}

),

labels as (

    select * from {{ ref('int_message_labels_agreed') }}

),

kept as (

    select
        messages.*,
        labels.intent,
        labels.label_confidence,
        labels.annotator_agreement,
        labels.annotation_count,
    from resolved
    inner join messages
        on resolved.raw_row_id = messages.raw_row_id
    inner join labels
        on resolved.message_id = labels.representative_message_id

),

featured as (

    select
        message_id,
        message_source,
        source_file,
        message_text_redacted,
        message_text_match,
        intent,
        label_confidence,
        annotator_agreement,
        annotation_count,
        channel,
        locale,
        locale_language as language,
        jurisdiction,
        regulation,
        created_at,
        user_pseudonym,
        length(message_text_redacted) as f_char_count,
        len(string_split(message_text_match, ' ')) as f_word_count,
        round(length(replace(message_text_match, ' ', '')) / len(string_split(message_text_match, ' ')), 4)
            as f_mean_word_length,
        length(message_text_match) - length(replace(message_text_match, '?', '')) as f_question_mark_count,
        length(message_text_match) - length(replace(message_text_match, '!', '')) as f_exclamation_count,
        (message_text_match like '%?')::integer as f_ends_with_question,
        round(
            length(regexp_replace(message_text_redacted, '[^0-9]', '', 'g')) / length(message_text_redacted), 4
        ) as f_digit_share,
        round(
            length(regexp_replace(message_text_redacted, '[^A-Z]', '', 'g'))
            / greatest(length(regexp_replace(message_text_redacted, '[^A-Za-z]', '', 'g')), 1),
            4
        ) as f_uppercase_share,
        {%- for pii_type in pii_types %}
            pii_{{ pii_type }}_count as f_pii_{{ pii_type }}_count,
        {%- endfor %}
        {%- for intent in privacy_intents %}
            regexp_matches(message_text_match, {{ sql_string_literal(lexicon_pattern(intent)) }})::integer
                as f_lexicon_{{ intent }},
        {%- endfor %}
    from kept

)

select * from featured
