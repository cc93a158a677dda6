{# Render the current wall-clock time in the `dbt_date:time_zone` var's zone (default Etc/UTC) as a plain timestamp. #}
{% macro _current_timestamp_in_time_zone() -%}
{%- set time_zone = var("dbt_date:time_zone", "Etc/UTC") -%}
cast(current_timestamp at time zone '{{ time_zone | replace("'", "''") }}' as {{ dbt.type_timestamp() | lower }})
{%- endmacro %}
