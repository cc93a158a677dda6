{# Render the continuous (interpolated) percentile of a field, ordered-set aggregate syntax. #}
{% macro percentile_cont(field, quantile) -%}
percentile_cont({{ quantile }}) within group (order by {{ field }})
{%- endmacro %}
