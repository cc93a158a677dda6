{# A uniform draw in [0, 1) taken from 16 bits (slot 0 to 7) of a synthetic_hash value. #}
{% macro synthetic_uniform(hash_column, slot) -%}
    ((({{ hash_column }} >> {{ 16 * slot }}) & 65535)::double / 65536.0)
{%- endmacro %}
