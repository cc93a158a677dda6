{# A string of n decimal digits (n up to 30) drawn from a synthetic_hash value. #}
{% macro random_digits(hash_column, n) -%}
    lpad({{ hash_modulo(hash_column, 10 ** n) }}::varchar, {{ n }}, '0')
{%- endmacro %}
