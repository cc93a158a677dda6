{#- The channels of seeds/channels.csv in its order. Models and YAML tests read them from here, where a
    list is needed when SQL compiles; tests/reference/assert_listed_values_match_their_seeds.sql keeps
    it in step with the seed. #}
{% macro channel_names() -%}
    {{- return(['email', 'chat', 'web_form', 'support_ticket', 'phone_transcript', 'app_review', 'social_media']) }}
{%- endmacro %}
