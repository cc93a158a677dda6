{#- A keyed, one-way pseudonym for an identifier (null stays null); the key comes from the
    PRIVACY_PSEUDONYM_KEY environment variable. #}
{% macro pseudonymise(column) -%}
    case
        when nullif(trim({{ column }}), '') is not null
            then 'usr_' || left(sha256('{{ env_var("PRIVACY_PSEUDONYM_KEY", "local-development-key") | replace("'", "''") }}:' || trim({{ column }})), 20)
    end
{%- endmacro %}
