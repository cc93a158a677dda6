{#- The patterns and word lists that find person names (int_messages_redacted applies them in
    order; redact_cued_person_names and redact_names_in_context do the replacing). In text with both cases
    (placeholders aside):
    - one to three capitalised (or upper-case) words after a strong cue ("my name is", "je m'appelle", ...);
    - two capitalised words after a weak cue ("this is", "I am", "ich bin", ...);
    - a name (one to three capitalised words, particles such as "de" or "van" between them) that ends
      the clause or comes before a placeholder or "Tel." after: a sign-off at the start of a sentence
      ("Thanks, Nina Patel", "Viele Grüße Lena Hoffmann", "Cordialement, Nicolas Girard"), a greeting
      that opens a sentence or follows a comma ("Hi Anna,", "Hi again, Hola Ana,", "Bonjour Madame
      Girard,"), a self-introduction or an agent
      introduction ("this is Nina.", "sono Giulia.", ", met Daan."; words in capitals too after a
      sign-off or in an agent introduction, "Best regards, PIETER Hargreaves"); a name before "here" ("Nina
      here") and two or three capitalised words that end the text after a sentence ("... that way?
      Sam Whitaker").
    In text written in one case only (all lower or all upper), capitals say nothing, so a name is two
    words after any cue that end the clause (punctuation, "and", end of text) and are not common
    words, one or two words that end the text (a comma may follow) or come before thanks after a
    sign-off (after a comma when the sign-off is one word), one word after a greeting (before a comma) or after an agent introduction. A name
    none of whose words is a stop word (common words, the cue words, "Team", "Support", "Sent", ...):
    "Thanks, Support Team", "Best, The Lumora app" and "Thanks, Sent from my phone" are kept.
    Returns a mapping: strong_cue_pattern and weak_cue_pattern (mixed-case text, the name follows the
    first group), monocase_pattern (one-case text, the name is group 1), common_words, stop_words,
    mixed_case_patterns and monocase_patterns (three groups each: cue, name, what follows; applied in
    list order) and placeholders (the placeholder names joined by |). #}
{% macro person_name_patterns() -%}
    {#- cues before a name: strong ones take one to three words, weak ones two #}
    {%- set strong_cues = [
        'my name is', "my name's", 'name:', "je m'appelle", 'mon nom est', 'ich heiße', 'ich heisse',
        'mein name ist', 'me llamo', 'mi nombre es', 'mi chiamo', 'il mio nome è', 'mijn naam is',
        'ik heet', 'meu nome é', 'chamo-me', 'me chamo',
    ] | join('|') %}
    {%- set weak_cues = [
        'this is', 'i am', "i'm", 'ich bin', 'je suis', 'soy', 'sono', 'ik ben', 'eu sou',
    ] | join('|') %}
    {%- set placeholders = pii_types() | map('upper') | join('|') %}
    {%- set common_words = [
        'a', 'an', 'the', 'my', 'your', 'our', 'his', 'her', 'their', 'this', 'that', 'not', 'no', 'very',
        'so', 'just', 'also', 'really', 'still', 'here', 'there', 'writing', 'asking', 'requesting',
        'exercising', 'going', 'trying', 'on', 'in', 'at', 'of', 'for', 'to', 'with', 'from', 'about',
        'sure', 'fine', 'happy', 'upset', 'tired', 'done', 'wrong', 'spelled', 'misspelled', 'listed',
        'ein', 'eine', 'der', 'die', 'das', 'nicht', 'sehr', 'hier', 'mein', 'meine', 'kein', 'keine',
        'un', 'une', 'le', 'la', 'les', 'très', 'pas', 'ici', 'mon', 'ma', 'el', 'una', 'muy', 'aquí',
        'mi', 'il', 'lo', 'molto', 'non', 'qui', 'mio', 'een', 'de', 'het', 'niet', 'erg', 'zeer',
        'mijn', 'um', 'uma', 'o', 'muito', 'não', 'aqui', 'meu', 'cliente', 'client', 'klant', 'kunde',
        'customer', 'user', 'member',
    ] %}
    {#- closings, greetings and introductions in the seven languages (lower case); German closings
        with "ss" for "ß" too (Swiss spelling, and German in capitals: "GRÜSSE") #}
    {%- set sign_offs = [
        'thanks', 'thank you', 'many thanks', 'thanks again', 'thanks in advance', 'thx', 'cheers',
        'regards', 'kind regards', 'best regards', 'warm regards', 'warmest regards', 'best wishes',
        'best', 'all the best', 'sincerely', 'yours sincerely', 'yours faithfully', 'yours truly',
        'take care', 'respectfully',
        'danke', 'vielen dank', 'danke schön', 'viele grüße', 'beste grüße', 'liebe grüße',
        'freundliche grüße', 'mit freundlichen grüßen', 'mit besten grüßen', 'herzliche grüße', 'grüße',
        'gruß', 'lg', 'vg', 'mfg',
        'viele grüsse', 'beste grüsse', 'liebe grüsse', 'freundliche grüsse', 'mit freundlichen grüssen',
        'mit besten grüssen', 'herzliche grüsse', 'grüsse', 'gruss',
        'merci', 'merci beaucoup', "merci d'avance", 'cordialement', 'bien cordialement', 'bien à vous',
        'salutations', 'sincères salutations', 'amicalement', 'bonne journée',
        'gracias', 'muchas gracias', 'saludos', 'un saludo', 'saludos cordiales', 'atentamente',
        'cordialmente', 'un abrazo',
        'obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'atenciosamente', 'abraços',
        'um abraço', 'cumprimentos', 'att', 'grato', 'grata', 'saudações',
        'grazie', 'grazie mille', 'cordiali saluti', 'distinti saluti', 'saluti', 'un saluto',
        'buona giornata',
        'bedankt', 'alvast bedankt', 'dank je', 'dank u', 'met vriendelijke groet', 'vriendelijke groet',
        'met vriendelijke groeten', 'groeten', 'groetjes', 'hartelijke groet', 'mvg',
    ] %}
    {%- set greetings = [
        'hi', 'hello', 'hey', 'hiya', 'dear', 'good morning', 'good afternoon', 'hallo', 'liebe',
        'lieber', 'guten tag', 'guten morgen', 'moin', 'servus', 'bonjour', 'bonsoir', 'salut', 'cher',
        'chère', 'coucou', 'hola', 'estimada', 'estimado', 'querida', 'querido', 'buenos días',
        'buenas tardes', 'olá', 'oi', 'prezada', 'prezado', 'bom dia', 'boa tarde', 'ciao', 'salve',
        'gentile', 'caro', 'cara', 'buongiorno', 'buonasera', 'hoi', 'beste', 'geachte', 'dag',
        'goedemorgen', 'goedemiddag',
    ] %}
    {%- set titles = [
        'mr', 'mrs', 'ms', 'miss', 'dr', 'herr', 'frau', 'madame', 'monsieur', 'mme', 'mlle', 'señor',
        'señora', 'sr', 'sra', 'senhor', 'senhora', 'signor', 'signora', 'sig', 'dott',
        'heer', 'mevrouw', 'meneer', 'mevr', 'dhr',
    ] %}
    {%- set introductions = [
        'this is', 'i am', "i'm", "it's", 'ich bin', 'hier ist', 'hier spricht', 'je suis', "c'est",
        "moi c'est", 'soy', 'aquí', 'sou', 'eu sou', 'aqui é', 'sono', 'qui è', 'ik ben',
        "you're speaking with", 'you are speaking with', 'speaking with', 'sie sprechen mit',
        'vous parlez avec', 'le atiende', 'le habla', 'está falando com', 'fala com', 'parla con',
        'u spreekt met', 'spreekt u met',
    ] %}
    {%- set agent_introductions = [
        "you're speaking with", 'you are speaking with', 'speaking with', 'sie sprechen mit',
        'vous parlez avec', 'le atiende', 'le habla', 'está falando com', 'parla con', 'u spreekt met',
    ] %}
    {%- set stop_words = common_words + [
        'again', 'all', 'everyone', 'everybody', 'team', 'teams', 'support', 'service', 'services',
        'customers', 'sir', 'madam', 'sirs', 'sent', 'envoyé', 'enviado', 'inviato', 'verzonden',
        'von', 'gesendet', 'app', 'data', 'privacy', 'protection', 'officer', 'department', 'desk',
        'help', 'helpdesk', 'billing', 'sales', 'security', 'compliance', 'legal', 'admin', 'office',
        'management', 'you', 'guys', 'folks', 'friends', 'équipe', 'equipo', 'equipe', 'squadra',
        'kundenservice', 'kundendienst', 'klantenservice', 'servizio', 'atención', 'atendimento',
        'tous', 'todos', 'tutti', 'allemaal', 'allen', 'zusammen', 'ihr', 'ihre', 'ihnen', 'sie',
        'english', 'british', 'american', 'canadian', 'irish', 'german', 'deutscher', 'deutsche',
        'french', 'français', 'française', 'spanish', 'español', 'española', 'italian', 'italiano',
        'italiana', 'dutch', 'nederlander', 'portuguese', 'português', 'portuguesa', 'brasileiro',
        'brasileira', 'european', 'belgian', 'swiss', 'schweizer', 'austrian', 'österreicher',
        'kundin', 'student', 'studentin', 'mitglied', 'nutzer', 'nutzerin', 'rentner', 'rentnerin',
        'mieter', 'patient', 'patientin', 'verbraucher', 'abonnent', 'abonnentin', 'inhaber',
        'inhaberin', 'besitzer', 'arzt', 'ärztin', 'lehrer', 'lehrerin', 'anwalt', 'anwältin',
        'mutter', 'vater', 'bürger', 'please', 'bitte', 'por', 'favor', 'per', 'favore', 'graag',
        'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today',
        'tomorrow', 'yesterday', 'ok', 'okay', 'yes', 'oui', 'ja', 'sí', 'sim', 'si', 'nee', 'nein',
    ] %}
    {%- set particles = [
        'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'ten',
        'ter', 'le', 'la', 'y',
    ] %}
    {#- greetings that are also ordinary words: not a greeting in text written in one case #}
    {%- set ordinary_word_greetings = [
        'cara', 'caro', 'cher', 'chère', 'dag', 'beste', 'salut', 'liebe', 'lieber',
    ] %}
    {#- German in capitals may write "ß" as "ẞ" (DuckDB's upper does): "VIELE GRÜẞE" #}
    {%- set capital_sharp_s_sign_offs = [] %}
    {%- for cue in sign_offs if 'ß' in cue %}
        {%- do capital_sharp_s_sign_offs.append(cue | replace('ß', 'ẞ')) %}
    {%- endfor %}
    {%- do sign_offs.extend(capital_sharp_s_sign_offs) %}
    {%- set cue_lists = namespace(multiword_sign_offs=[], capitalised_sign_offs=[]) %}
    {%- for cue in sign_offs + greetings + introductions + titles %}
        {%- do stop_words.extend(cue.split(' ')) %}
    {%- endfor %}
    {%- for cue in sign_offs %}
        {%- if ' ' in cue %}{% do cue_lists.multiword_sign_offs.append(cue) %}{% endif %}
        {#- a sign-off after a word with no stop: "make it stop Thanks, Nina" (line breaks are gone) #}
        {%- do cue_lists.capitalised_sign_offs.append(cue[0] | upper ~ '(?i:' ~ cue[1:] ~ ')') %}
    {%- endfor %}
    {#- particles sit inside names ("Sanne de Vries"): never a reason to keep one #}
    {%- set stop_words = stop_words | reject('in', particles) | list %}

    {#- the pieces of a name #}
    {%- set name_word = '\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?' %}
    {%- set caps_or_name_word = '(?:' ~ name_word ~ '|\\p{Lu}{2,}(?:-\\p{Lu}{2,})?)' %}
    {%- set particle = '(?:' ~ particles | join('|') ~ ')' %}
    {%- set name_gap = '\\s+(?:' ~ particle ~ '\\s+){0,2}' %}
    {#- lazy: the shortest name that what follows allows ("Katrin Vogel" before "Tel.") #}
    {%- set full_name = name_word ~ '(?:' ~ name_gap ~ name_word ~ '){0,2}?' %}
    {%- set long_name = name_word ~ '(?:' ~ name_gap ~ name_word ~ '){1,2}?' %}
    {#- a word of a signed or an agent's name may be in capitals ("Best regards, PIETER Hargreaves") #}
    {%- set signed_name = caps_or_name_word ~ '(?:' ~ name_gap ~ caps_or_name_word ~ '){0,2}?' %}
    {#- a word after a strong cue: capitalised, apostrophes and hyphens inside, or in capitals #}
    {%- set cued_word = "(?:\\p{Lu}[\\p{L}'-]+|\\p{Lu}{2,})" %}
    {%- set cued_two_words = '\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?' %}

    {#- what may follow a name: the end of a clause or of the text, a placeholder, a phone label, thanks #}
    {%- set clause_end = '\\s*(?:[.,;:!?)]|$)' %}
    {%- set placeholder_after = '\\s+<[A-Z]+>' %}
    {%- set phone_label = '\\s+(?i:tel|tél|phone|mobile|handy|cel|cell)\\b' %}
    {%- set thanks = '\\s+(?:Thanks|Thank you|Merci|Gracias|Danke|Grazie|Obrigad[oa]|Bedankt)\\b' %}
    {%- set after_name = '(' ~ [clause_end, placeholder_after, phone_label, thanks] | join('|') ~ ')' %}

    {#- what may come before a name #}
    {%- set sentence_start = '(?:^|[.!?)>…\\p{So}])\\s*' %}
    {%- set no_letter_before = '(?:^|[^\\p{L}])' %}
    {%- set title = '(?:(?i:' ~ titles | join('|') ~ ')\\.?\\s+)?' %}
    {%- set sign_off_cue = '(?:' ~ sentence_start ~ '(?i:' ~ sign_offs | join('|') ~ ')|\\s(?:'
        ~ cue_lists.capitalised_sign_offs | join('|') ~ '))[,!.:]?\\s+' %}
    {#- the greeting word may carry a comma before the name: "Hi, Anna," as well as "Hi Anna," #}
    {%- set greeting_cue = '(?:^|[.!?,]\\s+)(?i:' ~ greetings | join('|') ~ '),?\\s+' ~ title %}
    {%- set introduction_cue = no_letter_before ~ '(?i:' ~ introductions | join('|') ~ ')\\s+'
        ~ '|,\\s+(?i:met)\\s+' %}
    {%- set agent_cue = no_letter_before ~ '(?i:' ~ agent_introductions | join('|') ~ ')\\s+'
        ~ '|,\\s+(?i:met|sono)\\s+' %}
    {%- set here_cue = ',\\s+|(?:^|[.!?]\\s+)(?i:' ~ greetings | join('|') ~ ')[,!]?\\s+' %}

    {#- mixed-case text: (cue)(name)(what follows) #}
    {%- set strong_cue_pattern = '\\b((?i:' ~ strong_cues ~ ')\\s+)' ~ cued_word
        ~ '(?:\\s+' ~ cued_word ~ '){0,2}' %}
    {%- set weak_cue_pattern = '\\b((?i:' ~ weak_cues ~ ')\\s+)' ~ cued_two_words %}
    {%- set sign_off_pattern = '(' ~ sign_off_cue ~ ')(' ~ signed_name ~ ')' ~ after_name %}
    {%- set agent_pattern = '(' ~ agent_cue ~ ')(' ~ signed_name ~ ')' ~ after_name %}
    {%- set greeting_pattern = '(' ~ greeting_cue ~ ')(' ~ full_name ~ ')(\\s*(?:[,!:]|$))' %}
    {%- set introduction_pattern = '(' ~ introduction_cue ~ ')(' ~ full_name ~ ')' ~ after_name %}
    {%- set here_pattern = '(' ~ here_cue ~ ')(' ~ full_name ~ ')(\\s+(?i:here)\\b)' %}
    {%- set closing_name_pattern = '((?:[.!?]|\\p{So})\\s+)(' ~ long_name ~ ')(\\s*$)' %}

    {#- text written in one case: any word may be a name #}
    {%- set any_word = "\\p{L}[\\p{L}'-]+" %}
    {%- set one_or_two_words = any_word ~ '(?:\\s+' ~ any_word ~ ')?' %}
    {%- set name_end = '(?:\\s*[,.!?;:]|\\s*$|\\s+(?:and|und|et|y|e|en|from|aus|de)\\b)' %}
    {%- set monocase_greetings = greetings | reject('in', ordinary_word_greetings) | list %}
    {%- set monocase_sign_off_cue = no_letter_before ~ '(?:' ~ cue_lists.multiword_sign_offs | join('|')
        ~ ')[,!.:]?\\s+|' ~ no_letter_before ~ '(?:' ~ sign_offs | join('|') ~ ')[,:]\\s+' %}
    {%- set monocase_greeting_cue = no_letter_before ~ '(?:' ~ monocase_greetings | join('|') ~ ')\\s+' %}
    {%- set monocase_agent_cue = no_letter_before ~ '(?:' ~ agent_introductions | join('|') ~ ')\\s+'
        ~ '|,\\s+(?:met|sono)\\s+' %}
    {%- set monocase_here_cue = '(?:^|[.!?,]\\s+)(?:hi|hello|hey)[,!]?\\s+' %}

    {#- one-case text: a cued name (group 1), then (cue)(name)(what follows) #}
    {%- set monocase_pattern = '(?i)' ~ no_letter_before ~ '(?:' ~ strong_cues ~ '|' ~ weak_cues ~ ')\\s+('
        ~ any_word ~ '\\s+' ~ any_word ~ ')' ~ name_end %}
    {#- after a signed name: the end of the text (a trailing comma too), a placeholder, or thanks
        (a comma before it too) #}
    {%- set monocase_signed_end = '(\\s*[.,!]?\\s*$|\\s+<[A-Z]+>|(?i:,?' ~ thanks ~ '))' %}
    {%- set monocase_sign_off_pattern = '((?i:' ~ monocase_sign_off_cue ~ '))(' ~ one_or_two_words
        ~ ')' ~ monocase_signed_end %}
    {#- matches must not overlap: "hi again, bonjour tomasz," #}
    {%- set monocase_greeting_pattern = '((?i:' ~ monocase_greeting_cue ~ '))(' ~ any_word ~ ')(\\s*[,!:])' %}
    {%- set monocase_agent_pattern = '((?i:' ~ monocase_agent_cue ~ '))(' ~ any_word ~ ')(\\s*[.,;:!?])' %}
    {%- set monocase_here_pattern = '((?i:' ~ monocase_here_cue ~ '))(' ~ one_or_two_words
        ~ ')((?i:\\s+here)\\b)' %}

    {%- set mixed_case_patterns = [
        sign_off_pattern, greeting_pattern, agent_pattern, introduction_pattern, here_pattern,
        closing_name_pattern,
    ] %}
    {%- set monocase_patterns = [
        monocase_sign_off_pattern, monocase_greeting_pattern, monocase_agent_pattern, monocase_here_pattern,
    ] %}
    {{- return({
        'strong_cue_pattern': strong_cue_pattern,
        'weak_cue_pattern': weak_cue_pattern,
        'monocase_pattern': monocase_pattern,
        'common_words': common_words,
        'stop_words': stop_words | unique | sort,
        'mixed_case_patterns': mixed_case_patterns,
        'monocase_patterns': monocase_patterns,
        'placeholders': placeholders,
    }) }}
{%- endmacro %}
