{# The date-and-time type of adapters without their own implementation: datetime. #}
{% macro default__type_datetime() -%}
    datetime
{%- endmacro %}
