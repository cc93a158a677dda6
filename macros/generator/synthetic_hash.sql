{# A 128-bit deterministic hash of the run seed, a stream name and a row key: the generator's source of randomness. #}
{% macro synthetic_hash(stream, key) -%}
    md5_number(concat_ws(':', '{{ var("random_seed") }}', '{{ stream }}', {{ key }}))
{%- endmacro %}
