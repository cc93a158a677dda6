{#- The intent labels of seeds/intent_taxonomy.csv in its order: the 12 privacy intents, then non_privacy
    (privacy_only=true: the privacy intents alone). Models and YAML tests read them from here, where a
    list is needed when SQL compiles; tests/reference/assert_listed_values_match_their_seeds.sql keeps
    it in step with the seed. #}
{% macro intent_labels(privacy_only=false) -%}
    {%- set privacy_intents = [
        'access', 'deletion', 'rectification', 'portability', 'restriction', 'objection',
        'opt_out_sale_sharing', 'limit_sensitive_data', 'consent_withdrawal', 'marketing_unsubscribe',
        'privacy_complaint', 'privacy_info_question',
    ] %}
    {{- return(privacy_intents if privacy_only else privacy_intents + ['non_privacy']) }}
{%- endmacro %}
