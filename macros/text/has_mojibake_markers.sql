{#- True when a text shows the marks of UTF-8 decoded as Windows-1252 or Latin-1, once or in layers:
    the character a UTF-8 lead byte becomes (Â, Ã, Ä, Å, Æ, Ë for two-byte sequences; â for
    punctuation, symbols and the euro sign; ð for emoji) followed by the character a continuation byte
    becomes (a C1 control, a Latin-1 sign U+00A0-U+00BF or a Windows-1252 sign such as €, ™, œ or
    the curly quotes). Text lower-cased after it was garbled ("jã¼rgen", "grã¼ãÿe") shows a
    lower-case lead before a C1 control, a Latin-1 sign, a Windows-1252 sign no word puts there (€,
    ‰, ™, ...) or a lower-cased Windows-1252 letter (š, œ, ž, ÿ); layers whose C1 bytes were
    dropped show two lead characters in a row ("âÂÂ") or an ð before no letter. A cheap test that
    flags candidates for the ftfy repair and, after repair and normalisation, mojibake left behind;
    "NÃO", "déçu" or "Noël" are not flagged (an Icelandic "við" would be).
    privacy_curation.text_repair.MOJIBAKE_MARKER is its Python twin. #}
{% macro has_mojibake_markers(text_expression) -%}
    {%- set c1_controls = '\\x{80}-\\x{9F}' %}
    {%- set latin1_signs = '\\x{A0}-\\x{BF}' %}
    {%- set cp1252_signs = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ' %}
    {%- set upper_lead = '[ÂÃÄÅÆËâð]' %}
    {%- set lower_lead = '[ãäåæë]' %}
    {%- set continuation = '[' ~ c1_controls ~ latin1_signs ~ cp1252_signs ~ ']' %}
    {#- after a lower-case lead, the Windows-1252 signs no real word puts there ("então…", "irmã”"
        do) and the Windows-1252 letters in lower case #}
    {%- set lower_cased_cp1252 = '€‚ƒ„†‡ˆ‰‹›™šœžÿ' %}
    {%- set lower_continuation = '[' ~ c1_controls ~ latin1_signs ~ lower_cased_cp1252 ~ ']' %}
    {%- set lost_bytes = '[ÂÃâ][ÂÃ]|ð(?:[^\\p{L}]|$)' %}
    {%- set marker = upper_lead ~ continuation ~ '|' ~ lower_lead ~ lower_continuation ~ '|' ~ lost_bytes %}
    regexp_matches({{ text_expression }}, {{ sql_string_literal(marker) }})
{%- endmacro %}
