{#- A keyed, one-way pseudonym for an identifier (null and blank stay null): sha256 of the key and
    the trimmed id. The key comes from the PRIVACY_PSEUDONYM_KEY environment variable; without it a
    fixed development key is used, unless the var require_pseudonym_key is true, in which case the
    run stops with an error naming the variable. #}
{% macro pseudonymise(column) -%}
    {%- set key = env_var('PRIVACY_PSEUDONYM_KEY', '') %}
    {%- if key == '' and var('require_pseudonym_key', false) | string | lower in ['true', '1', 'yes'] %}
        {{ exceptions.raise_compiler_error(
            "The environment variable PRIVACY_PSEUDONYM_KEY is not set, and the var require_pseudonym_key "
            ~ "is true: set PRIVACY_PSEUDONYM_KEY to the secret key of the user_id pseudonyms "
            ~ "(or run with require_pseudonym_key: false to use the development key)."
        ) }}
    {%- endif %}
    {%- set key = key if key != '' else 'local-development-key' %}
    case
        when nullif(trim({{ column }}), '') is not null
            then 'usr_' || left(sha256({{ sql_string_literal(key) }} || ':' || trim({{ column }})), 20)
    end
{%- endmacro %}
