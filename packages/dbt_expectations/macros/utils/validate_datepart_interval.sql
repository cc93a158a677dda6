{# Raise a compiler error unless datepart is a DuckDB interval unit and interval a number; return the lower-cased datepart. #}
{% macro _validate_datepart_interval(datepart, interval) -%}
{%- set dateparts = [
    "millennium", "millennia", "century", "centuries", "decade", "decades", "year", "years",
    "quarter", "quarters", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "millisecond", "milliseconds", "microsecond", "microseconds",
] -%}
{%- if datepart is not string or (datepart | lower) not in dateparts -%}
    {{ exceptions.raise_compiler_error(
        "`datepart` must be one of " ~ (dateparts | join(", ")) ~ ". Got: '" ~ datepart ~ "'."
    ) }}
{%- endif -%}
{%- if interval is not number or interval is boolean -%}
    {{ exceptions.raise_compiler_error("`interval` must be a number. Got: '" ~ interval ~ "'.") }}
{%- endif -%}
{{ return(datepart | lower) }}
{%- endmacro %}
