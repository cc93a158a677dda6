"""Write the Parquet part of the committed raw sample (data/raw/**/sample_*_2026_03.parquet).

The rows are hand-written and kept inline below, so the script needs nothing but pyarrow and
gives byte-identical files on every run:

    .venv/bin/python scripts/make_sample_parquet.py

Messages: message_id, text, channel, locale, user_id as strings; created_at as TIMESTAMP (UTC,
no zone). Annotations: message_id, annotator_id, intent as strings; confidence as DOUBLE;
annotated_at as TIMESTAMP. Some rows are defective on purpose (see data/raw/README.md): the
pipeline must quarantine them, so do not "fix" them here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
MESSAGES_PATH = ROOT / "data" / "raw" / "messages" / "sample_messages_2026_03.parquet"
ANNOTATIONS_PATH = ROOT / "data" / "raw" / "annotations" / "sample_annotations_2026_03.parquet"

MESSAGE_SCHEMA = pa.schema(
    [
        ("message_id", pa.string()),
        ("text", pa.string()),
        ("channel", pa.string()),
        ("locale", pa.string()),
        ("created_at", pa.timestamp("us")),
        ("user_id", pa.string()),
    ]
)
ANNOTATION_SCHEMA = pa.schema(
    [
        ("message_id", pa.string()),
        ("annotator_id", pa.string()),
        ("intent", pa.string()),
        ("confidence", pa.float64()),
        ("annotated_at", pa.timestamp("us")),
    ]
)

# (message_id, text, channel, locale, created_at, user_id)
MESSAGES = [
    (
        "smp-0276",
        "Não consigo alterar a forma de pagamento no app, dá erro ao salvar o cartão 5105-1051-0510-5100.",
        "support_ticket",
        "pt-BR",
        "2026-03-02 09:02:07",
        "u-1805",
    ),
    (
        "smp-0277",
        "Sehr geehrte Damen und Herren,\n"
        "\n"
        "auf meine Auskunftsanfrage vom 20. Januar habe ich bis heute keine Antwort erhalten. "
        "Die Frist nach Art. 12 DSGVO ist abgelaufen. Ich werde mich nun bei der zuständigen "
        "Datenschutzaufsichtsbehörde beschweren.\n"
        "\n"
        "Mit freundlichen Grüßen\n"
        "Jonas Becker",
        "email",
        "de-DE",
        "2026-03-03T11:26:40Z",
        "u-1230",
    ),
    (
        "smp-0278",
        "Global Privacy Control is turned on in my browser but your site still loads ad "
        "pixels. Please treat this as an opt-out of sale/sharing for my account "
        "(mike.jones@example.com).",
        "support_ticket",
        "en-US",
        "2026-03-03 13:14:39",
        "u-1817",
    ),
    (
        "smp-0279",
        "Partnership inquiry: we're a small agency and would love to feature your product in "
        "our newsletter. Contact: hello@example.org",
        "web_form",
        "en-US",
        "2026-03-03T21:51:44Z",
        "u-1595",
    ),
    (
        "smp-0280",
        "My health data from the watch isn't syncing to the app since the last update. Heart rate shows 0 all day.",
        "support_ticket",
        "en-US",
        "2026-03-03T23:56:48Z",
        None,
    ),
    (
        "smp-0281",
        "Não autorizo a venda nem o compartilhamento dos meus dados pessoais com parceiros comerciais.",
        "web_form",
        "pt-BR",
        "2026-03-04 10:55:26",
        "u-1726",
    ),
    (
        "smp-0282",
        "<div>Unsubscribe&nbsp;me from ALL marketing.&nbsp;I never signed up for "
        "this.</div><div><br></div><div>Sent from my phone</div>",
        "email",
        "en-US",
        "2026-03-04 19:12:08",
        None,
    ),
    (
        "smp-0283",
        "shoutout to the @ExampleCoffee barista at 5th &amp; Main, made my whole morning",
        "social_media",
        "en-US",
        "2026-03-06 08:44:49",
        None,
    ),
    (
        "smp-0284",
        "@ExampleShop you sent my order confirmation (with my home address!!) to a complete "
        "stranger's email. This is a serious privacy breach.",
        "social_media",
        "en-US",
        "2026-03-06T09:47:44Z",
        None,
    ),
    (
        "smp-0285",
        "Hi, the size guide says a 10 is a 38 but the dress I got is much smaller. Can I swap it for a 12?",
        "web_form",
        "en-GB",
        "2026-03-06T21:53:49Z",
        "u-1224",
    ),
    (
        "smp-0286",
        "@ExampleAir your system has my name wrong on my profile and won't let me change it "
        "online. how do I get it corrected?",
        "social_media",
        "en-US",
        "2026-03-07T10:31:25Z",
        "u-1024",
    ),
    (
        "smp-0287",
        "The app shows my weight as 290 lbs in my profile. I never entered that and I can't "
        "edit it. Please fix my wrong data.",
        "app_review",
        "en-US",
        "2026-03-07 13:14:02",
        "u-1228",
    ),
    (
        "smp-0288",
        "Hello,\n"
        "\n"
        "My order arrived damaged - the glass top was shattered. I've attached photos. Could "
        "you send a replacement?\n"
        "\n"
        "Thanks,\n"
        "Priya Shah\n"
        "416-555-0193",
        "email",
        "en-CA",
        "2026-03-08T13:04:06Z",
        "u-1443",
    ),
    (
        "smp-0289",
        "Chiedo la rettifica dei miei dati: l'indirizzo registrato è sbagliato, via Roma 12 e "
        "non via Roma 21. Mi chiamo Giulia Ferretti.",
        "web_form",
        "it-IT",
        "2026-03-08 15:35:27",
        None,
    ),
    (
        "smp-0290",
        "Ich beantrage die Einschränkung der Verarbeitung meiner Daten nach Art. 18 DSGVO, "
        "bis die Richtigkeit meiner Adressdaten geklärt ist. Bitte nicht löschen.",
        "web_form",
        "de-DE",
        "2026-03-09T15:17:58Z",
        None,
    ),
    (
        "smp-0291",
        "Right to delete (CCPA): please delete all personal information collected from me, "
        "and direct your service providers to delete it as well. Email: "
        "kevin.tran@example.com, phone (415) 555-0132.",
        "support_ticket",
        "en-US",
        "2026-03-09T18:15:20Z",
        "u-1639",
    ),
    (
        "smp-0292",
        "The privacy screen protector I ordered arrived cracked. Want a replacement.",
        "app_review",
        "en-US",
        "2026-03-10 11:41:23",
        "u-1456",
    ),
    (
        "smp-0293",
        "Login loop on iOS: after entering the 2FA code it goes straight back to the login screen.",
        "support_ticket",
        "en-US",
        "2026-03-10T14:28:33Z",
        None,
    ),
    (
        "smp-0294",
        "Data portability request (Art. 20): please provide my listening history, playlists "
        "and account data in a structured, commonly used, machine-readable format.",
        "web_form",
        "en-GB",
        "2026-03-10T17:13:33Z",
        None,
    ),
    (
        "smp-0295",
        "The app crashes every time I open it.",
        "support_ticket",
        "en-US",
        "2026-03-11T22:56:10Z",
        "u-1400",
    ),
    (
        "smp-0296",
        "★★☆☆☆ Decent app but I have no idea what it tracks. There's no button anywhere to "
        "see the data you've collected on me. Let me view it and download it, simple as that.",
        "app_review",
        "en-US",
        "2026-03-13T09:28:53Z",
        "u-1376",
    ),
    (
        "smp-0297",
        "customer: I heard you guys sell customer lists to other companies, I want to be "
        "opted out of that. agent: okay, I'll submit a do-not-sell request for you. customer: "
        "and sharing too",
        "phone_transcript",
        "en-US",
        "2026-03-13T10:21:23Z",
        "u-1910",
    ),
    (
        "smp-0298",
        "My name is Tyler Brooks and I'm locked out of my account. The reset code goes to my "
        "old number 555-0112 which I don't have anymore.",
        "chat",
        "en-US",
        "2026-03-14T08:01:19Z",
        "u-1484",
    ),
    (
        "smp-0299",
        "@ExampleBank your app denied me credit in 2 seconds. no human looked at it. I object "
        "to automated decisions and want a real review.",
        "social_media",
        "en-US",
        "2026-03-14T13:59:57Z",
        "u-1467",
    ),
    (
        "smp-0300",
        "My payment failed but the money was taken from my account.",
        "web_form",
        "en-US",
        "2026-03-14 16:43:37",
        "u-1378",
    ),
    (
        "smp-0301",
        "please unsubscribe me from your texts",
        "chat",
        "en-US",
        None,
        "u-1321",
    ),
    (
        "smp-0302",
        "Where is my order? It's been 10 days.",
        "social_media",
        "en-US",
        "2026-03-15 09:42:10",
        "u-1082",
    ),
    (
        "smp-0303",
        "What happens to my data if I cancel my subscription?\u200b Is it deleted or kept?",
        "support_ticket",
        "en-US",
        "2026-03-15T15:56:39Z",
        "u-1835",
    ),
    (
        "smp-0304",
        "Hello,\n"
        "\n"
        "Under Article 15 of the UK GDPR I am requesting a copy of all personal data you hold "
        "about me, including the purposes of processing, who it has been shared with and how "
        "long you plan to keep it.\n"
        "\n"
        "My account e-mail is olivia.hart@example.com and the account was opened some time in "
        "2019.\n"
        "\n"
        "Please confirm receipt of this request.\n"
        "\n"
        "Regards,\n"
        "Olivia Hart",
        "email",
        "en-GB",
        "2026-03-15 22:28:20",
        "u-1181",
    ),
    (
        "smp-0305",
        "I  object  to  the  processing  of  my  data  for  direct  marketing  purposes  and  for  profiling.",
        "web_form",
        "en-US",
        "2026-03-15T23:37:19Z",
        "u-1770",
    ),
    (
        "smp-0306",
        "caller: I just want to understand, when I call you is it recorded, and how long do "
        "you keep the recordings? agent: yes, calls are recorded for training and kept for "
        "ninety days.",
        "phone_transcript",
        "en-US",
        "2026-03-16T16:00:52Z",
        None,
    ),
    (
        "smp-0307",
        "can you pause using my data while my complaint is being looked at? don't delete it, "
        "I might need it as evidence",
        "chat",
        "en-US",
        "2026-03-16T21:44:52Z",
        None,
    ),
    (
        "smp-0308",
        "<p>To whom it may concern,</p><p>Please do not sell or share my personal "
        "information. This applies to my account and to any information linked to my "
        "device.<br><br>Thanks,<br>Olivia Martinez</p>",
        "email",
        "en-US",
        "2026-03-17 16:01:40",
        None,
    ),
    (
        "smp-0309",
        "Push notifications for 'flash sales' 5x a day. How do I turn off the marketing "
        "notifications without turning off order updates?",
        "app_review",
        "en-US",
        "2026-03-18T09:58:55Z",
        "u-1276",
    ),
    (
        "smp-0310",
        "customer: your report says I missed a payment in June, which is not true, I have the "
        "bank statement. I want that corrected on my file. agent: okay, so you're disputing "
        "the payment history",
        "phone_transcript",
        "en-US",
        "2026-03-18T14:35:36Z",
        "u-1947",
    ),
    (
        "smp-0311",
        "Turned off location in settings and the app STILL asks every time. I withdraw "
        "consent for location, stop nagging. ★★",
        "app_review",
        "en-US",
        "2026-03-19T15:20:06Z",
        "u-1280",
    ),
    (
        "smp-0312",
        "caller: can you stop my order from shipping? I ordered the wrong size. agent: let me "
        "check if it's left the warehouse yet.",
        "phone_transcript",
        "en-US",
        "2026-03-19T22:13:26Z",
        "u-1351",
    ),
    (
        "smp-0313",
        "need my data in machine readable form. csv pls",
        "chat",
        "en-US",
        "2026-03-20 16:31:07",
        None,
    ),
    (
        "smp-0314",
        "Hello,\n"
        "\n"
        "Please close my savings account and transfer the remaining balance to my checking "
        "account ending 4471.\n"
        "\n"
        "Thank you,\n"
        "Harold Nash",
        "email",
        "en-US",
        "2026-03-21T11:59:10Z",
        "u-1739",
    ),
    (
        "smp-0315",
        "I revoke my consent for you to process my voice recordings for 'quality and training'.",
        "support_ticket",
        "en-US",
        "2026-03-21 13:24:57",
        "u-1184",
    ),
    (
        "smp-0316",
        "ik maak bezwaar tegen het gebruik van mijn gegevens voor gepersonaliseerde advertenties",
        "chat",
        "nl-NL",
        "2026-03-21T21:49:03Z",
        "u-1338",
    ),
    (
        "smp-0317",
        "Hello,\n"
        "\n"
        "I use your fertility tracking feature. I want you to limit the use of that health "
        "data to providing the service to me. No analytics, no advertising, no sharing with "
        '"partners".\n'
        "\n"
        "Thank you,\n"
        "Sarah Levin",
        "email",
        "en-US",
        "2026-03-22T13:34:59Z",
        "u-1238",
    ),
    (
        "smp-0318",
        "how long do you keep my order history?",
        "chat",
        "xx-XX",
        "2026-03-22 15:20:52",
        None,
    ),
    (
        "smp-0319",
        "Just got a data breach notice from @ExampleRetail 3 months after the fact. "
        "Unacceptable. Contacting the Privacy Commissioner.",
        "social_media",
        "en-CA",
        "2026-03-22 18:33:02",
        "u-1833",
    ),
    (
        "smp-0320",
        "Hi team,\n"
        "\n"
        "I'm organizing a corporate event for about 80 people on the 14th and wanted to ask "
        "about bulk pricing for your catering boxes. Do you offer vegetarian and gluten-free "
        "options?\n"
        "\n"
        "Also, can you deliver to our office at 500 Market St before 11am?\n"
        "\n"
        "Looking forward to hearing from you,\n"
        "Amanda Cole\n"
        "Office Manager",
        "email",
        "en-US",
        "2026-03-22T23:19:49Z",
        "u-1285",
    ),
    (
        "smp-0321",
        "Can you tell me what personal information you have on file for me?",
        "web_form",
        "en-US",
        "2026-03-23T15:15:23Z",
        "u-1052",
    ),
    (
        "smp-0322",
        "Hi,\n"
        "\n"
        "Your wellness app collects my mental health check-ins. I want that information "
        "limited to what's necessary to show me my own history. Please confirm it isn't used "
        "for targeting.\n"
        "\n"
        "Best,\n"
        "R. Alvarez",
        "email",
        "en-US",
        "2026-03-23T21:26:56Z",
        "u-1901",
    ),
    (
        "smp-0323",
        "promo code SPRING20 isn't working, and neither is my gift card 6006 4912 3456 7890",
        "chat",
        "en-US",
        "2026-03-24 14:42:08",
        None,
    ),
    (
        "smp-0324",
        "Dear Sir or Madam,\n"
        "\n"
        "I object to the processing of my personal data on the basis of legitimate interests, "
        'in particular the profiling you carry out to build a "customer value score" about '
        "me. Please stop this processing.\n"
        "\n"
        "Yours faithfully,\n"
        "Graham Burke",
        "email",
        "en-GB",
        "2026-03-24T20:49:03Z",
        "u-1152",
    ),
    (
        "smp-0325",
        "Graag ontvang ik een overzicht van alle persoonsgegevens die jullie van mij "
        "verwerken (inzageverzoek AVG). Klantnummer 204-7781.",
        "support_ticket",
        "nl-NL",
        "2026-03-25T09:12:02Z",
        "u-1019",
    ),
    (
        "smp-0326",
        "Does this app use my location when it's closed? Couldn't find a clear answer in the privacy policy.",
        "app_review",
        "en-CA",
        "2026-03-25T14:31:12Z",
        "u-1727",
    ),
    (
        "smp-0327",
        "how do i opt out of you selling my data?",
        "chat",
        "en-US",
        "2026-03-26 09:59:34",
        "u-1689",
    ),
    (
        "smp-0328",
        "Put a hold on my data please: I'm contesting the information you used to deny my "
        "application. Until that's sorted, don't process my file any further.",
        "support_ticket",
        "en-US",
        "2026-03-26T20:11:47Z",
        "u-1378",
    ),
]

# (message_id, annotator_id, intent, confidence, annotated_at)
ANNOTATIONS = [
    (
        "smp-0277",
        "ann-05",
        "privacy_complaint",
        0.874,
        "2026-03-03 13:31:40",
    ),
    (
        "smp-0278",
        "ann-06",
        "opt_out_sale_sharing",
        0.884,
        "2026-03-03T16:00:39Z",
    ),
    (
        "smp-0277",
        "ann-02",
        "privacy_complaint",
        0.847,
        "2026-03-03 19:23:40",
    ),
    (
        "smp-0281",
        "ann-03",
        "opt_out_sale_sharing",
        0.897,
        "2026-03-04T17:18:26Z",
    ),
    (
        "smp-0276",
        "ann-06",
        "non_privacy",
        0.757,
        "2026-03-04 20:51:07",
    ),
    (
        "smp-0282",
        "ann-08",
        "marketing_unsubscribe",
        0.717,
        "2026-03-04 21:49:08",
    ),
    (
        "smp-0280",
        "ann-06",
        "non_privacy",
        0.653,
        "2026-03-05T05:26:48Z",
    ),
    (
        "smp-0278",
        "ann-05",
        "opt_out_sale_sharing",
        0.878,
        "2026-03-05 06:46:39",
    ),
    (
        "smp-0276",
        "ann-04",
        "non_privacy",
        0.771,
        "2026-03-05T08:30:07Z",
    ),
    (
        "smp-0282",
        "ann-06",
        "marketing_unsubscribe",
        0.663,
        "2026-03-06T00:30:08Z",
    ),
    (
        "smp-0278",
        "ann-01",
        "opt_out_sale_sharing",
        0.841,
        "2026-03-06 02:14:39",
    ),
    (
        "smp-0280",
        "ann-04",
        "non_privacy",
        0.783,
        "2026-03-06T03:33:48Z",
    ),
    (
        "smp-0279",
        "ann-01",
        "non_privacy",
        0.981,
        "2026-03-06T06:10:44Z",
    ),
    (
        "smp-0284",
        "ann-08",
        "privacy_complaint",
        0.938,
        "2026-03-06T12:59:44Z",
    ),
    (
        "smp-0279",
        "ann-02",
        "non_privacy",
        0.899,
        "2026-03-06 14:48:44",
    ),
    (
        "smp-0280",
        "ann-07",
        "non_privacy",
        0.793,
        "2026-03-06T17:28:48Z",
    ),
    (
        "smp-0283",
        "ann-08",
        "non_privacy",
        0.844,
        "2026-03-06 18:37:49",
    ),
    (
        "smp-0285",
        "ann-03",
        "non_privacy",
        0.856,
        "2026-03-06 23:19:49",
    ),
    (
        "smp-0282",
        "ann-03",
        "consent_withdrawal",
        0.517,
        "2026-03-07T04:43:08Z",
    ),
    (
        "smp-0283",
        "ann-03",
        "non_privacy",
        0.891,
        "2026-03-07T10:21:49Z",
    ),
    (
        "smp-0285",
        "ann-05",
        "non_privacy",
        0.875,
        "2026-03-07T20:29:49Z",
    ),
    (
        "smp-0287",
        "ann-08",
        "rectification",
        0.927,
        "2026-03-08T13:15:02Z",
    ),
    (
        "smp-0284",
        "ann-03",
        "privacy_complaint",
        0.904,
        "2026-03-08T18:41:44Z",
    ),
    (
        "smp-0289",
        "ann-01",
        "rectification",
        0.937,
        "2026-03-08 21:00:27",
    ),
    (
        "smp-0289",
        "ann-05",
        "rectification",
        0.885,
        "2026-03-08T22:21:27Z",
    ),
    (
        "smp-0288",
        "ann-03",
        "non_privacy",
        0.833,
        "2026-03-09T00:42:06Z",
    ),
    (
        "smp-0286",
        "ann-01",
        "rectification",
        0.724,
        "2026-03-09 08:25:25",
    ),
    (
        "smp-0287",
        "ann-02",
        "rectification",
        0.783,
        "2026-03-09T08:30:02Z",
    ),
    (
        "smp-0286",
        "ann-05",
        "rectification",
        0.676,
        "2026-03-09 13:19:25",
    ),
    (
        "smp-0287",
        "ann-06",
        "rectification",
        0.944,
        "2026-03-09T13:59:02Z",
    ),
    (
        "smp-0290",
        "ann-01",
        "restriction",
        0.929,
        "2026-03-09T18:46:58Z",
    ),
    (
        "smp-0290",
        "ann-07",
        "restriction",
        0.925,
        "2026-03-09T21:09:58Z",
    ),
    (
        "smp-0288",
        "ann-04",
        "non_privacy",
        0.908,
        "2026-03-10 14:45:06",
    ),
    (
        "smp-0292",
        "ann-02",
        "non_privacy",
        0.682,
        "2026-03-10T17:45:23Z",
    ),
    (
        "smp-0294",
        "ann-05",
        "portability",
        0.834,
        "2026-03-10 21:58:33",
    ),
    (
        "smp-0288",
        "ann-01",
        "non_privacy",
        0.816,
        "2026-03-11T03:10:06Z",
    ),
    (
        "smp-0291",
        "ann-03",
        "deletion",
        0.861,
        "2026-03-11T10:38:20Z",
    ),
    (
        "smp-0293",
        "ann-07",
        "non_privacy",
        0.781,
        "2026-03-11 13:42:33",
    ),
    (
        "smp-0293",
        "ann-02",
        "non_privacy",
        0.79,
        "2026-03-11 17:46:33",
    ),
    (
        "smp-0295",
        "ann-02",
        "non_privacy",
        0.851,
        "2026-03-12 00:24:10",
    ),
    (
        "smp-0291",
        "ann-01",
        "deletion",
        0.967,
        "2026-03-12 04:56:20",
    ),
    (
        "smp-0292",
        "ann-03",
        "non_privacy",
        0.752,
        "2026-03-12T22:45:23Z",
    ),
    (
        "smp-0296",
        "ann-07",
        "access",
        0.924,
        "2026-03-13 14:10:53",
    ),
    (
        "smp-0296",
        "ann-03",
        "portability",
        0.703,
        "2026-03-13T23:00:53Z",
    ),
    (
        "smp-0295",
        "ann-05",
        "non_privacy",
        0.979,
        "2026-03-14 00:28:10",
    ),
    (
        "smp-0298",
        "ann-03",
        "non_privacy",
        0.831,
        "2026-03-14 17:21:19",
    ),
    (
        "smp-0302",
        "ann-01",
        "non_privacy",
        0.949,
        "2026-03-15T10:55:10Z",
    ),
    (
        "smp-0297",
        "ann-06",
        "opt_out_sale_sharing",
        0.741,
        "2026-03-15 12:47:23",
    ),
    (
        "smp-0300",
        "ann-05",
        "non_privacy",
        0.804,
        "2026-03-15 17:36:37",
    ),
    (
        "smp-0303",
        "ann-04",
        "privacy_info_question",
        0.866,
        "2026-03-15T18:31:39Z",
    ),
    (
        "smp-0299",
        "ann-08",
        "objection",
        0.75,
        "2026-03-15 18:55:57",
    ),
    (
        "smp-0303",
        "ann-05",
        "privacy_info_question",
        0.853,
        "2026-03-15T22:58:39Z",
    ),
    (
        "smp-0305",
        "ann-06",
        "objection",
        0.718,
        "2026-03-16T03:21:19Z",
    ),
    (
        "smp-0304",
        "ann-04",
        "access",
        0.788,
        "2026-03-16 08:11:20",
    ),
    (
        "smp-0296",
        "ann-08",
        "access",
        0.767,
        "2026-03-16T08:20:53Z",
    ),
    (
        "smp-0302",
        "ann-08",
        "non_privacy",
        0.834,
        "2026-03-16 13:20:10",
    ),
    (
        "smp-0306",
        "ann-03",
        "privacy_info_question",
        0.823,
        "2026-03-16 18:50:52",
    ),
    (
        "smp-0307",
        "ann-02",
        "restriction",
        0.973,
        "2026-03-17T06:05:52Z",
    ),
    (
        "smp-0305",
        "ann-01",
        "objection",
        0.685,
        "2026-03-17T12:56:19Z",
    ),
    (
        "smp-0302",
        "ann-07",
        "non_privacy",
        0.857,
        "2026-03-18 00:45:10",
    ),
    (
        "smp-0309",
        "ann-06",
        "marketing_unsubscribe",
        0.801,
        "2026-03-18T10:47:55Z",
    ),
    (
        "smp-0301",
        "ann-01",
        "marketing_unsubscribe",
        0.824,
        "2026-03-18 12:19:00",
    ),
    (
        "smp-0301",
        "ann-03",
        "marketing_unsubscribe",
        0.832,
        "2026-03-18T14:55:00Z",
    ),
    (
        "smp-0309",
        "ann-03",
        "marketing_unsubscribe",
        0.8,
        "2026-03-18T15:30:55Z",
    ),
    (
        "smp-0310",
        "ann-05",
        "rectification",
        0.937,
        "2026-03-18T15:32:36Z",
    ),
    (
        "smp-0310",
        "ann-01",
        "rectification",
        0.745,
        "2026-03-19T07:39:36Z",
    ),
    (
        "smp-0301",
        "ann-08",
        "marketing_unsubscribe",
        0.761,
        "2026-03-19T10:00:00Z",
    ),
    (
        "smp-0306",
        "ann-02",
        "privacy_info_question",
        0.77,
        "2026-03-19 11:55:52",
    ),
    (
        "smp-0308",
        "ann-06",
        "opt_out_sale_sharing",
        0.778,
        "2026-03-19T18:57:40Z",
    ),
    (
        "smp-0308",
        "ann-08",
        "opt_out_sale_sharing",
        0.856,
        "2026-03-19T20:26:40Z",
    ),
    (
        "smp-0312",
        "ann-07",
        "non_privacy",
        0.655,
        "2026-03-20 12:34:26",
    ),
    (
        "smp-0313",
        "ann-06",
        "portability",
        0.796,
        "2026-03-20T18:43:07Z",
    ),
    (
        "smp-0313",
        "ann-01",
        "portability",
        0.816,
        "2026-03-20T22:23:07Z",
    ),
    (
        "smp-0309",
        "ann-07",
        "marketing_unsubscribe",
        0.85,
        "2026-03-21T05:14:55Z",
    ),
    (
        "smp-0312",
        "ann-05",
        "non_privacy",
        0.789,
        "2026-03-21T08:31:26Z",
    ),
    (
        "smp-0314",
        "ann-08",
        "deletion",
        0.699,
        "2026-03-21T13:35:10Z",
    ),
    (
        "smp-0314",
        "ann-02",
        "non_privacy",
        0.877,
        "2026-03-21T15:32:10Z",
    ),
    (
        "smp-0315",
        "ann-07",
        "objection",
        0.68,
        "2026-03-21T16:08:57Z",
    ),
    (
        "smp-0311",
        "ann-01",
        "consent_withdrawal",
        0.831,
        "2026-03-21 18:39:06",
    ),
    (
        "smp-0311",
        "ann-02",
        "consent_withdrawal",
        0.928,
        "2026-03-22T01:31:06Z",
    ),
    (
        "smp-0316",
        "ann-07",
        "objection",
        0.76,
        "2026-03-22 01:54:03",
    ),
    (
        "smp-0316",
        "ann-02",
        "objection",
        0.946,
        "2026-03-22T02:22:03Z",
    ),
    (
        "smp-0319",
        "ann-08",
        "privacy_complaint",
        0.793,
        "2026-03-22T18:46:02Z",
    ),
    (
        "smp-0319",
        "ann-02",
        "privacy_complaint",
        0.906,
        "2026-03-22T19:12:02Z",
    ),
    (
        "smp-0317",
        "ann-08",
        "limit_sensitive_data",
        0.741,
        "2026-03-22T22:36:59Z",
    ),
    (
        "smp-0320",
        "ann-03",
        "non_privacy",
        0.84,
        "2026-03-23 00:52:49",
    ),
    (
        "smp-0320",
        "ann-04",
        "non_privacy",
        0.836,
        "2026-03-23 11:10:49",
    ),
    (
        "smp-0313",
        "ann-02",
        "portability",
        0.757,
        "2026-03-23 13:41:07",
    ),
    (
        "smp-0315",
        "ann-04",
        "consent_withdrawal",
        0.872,
        "2026-03-23T15:16:57Z",
    ),
    (
        "smp-0318",
        "ann-06",
        "privacy_info_question",
        0.932,
        "2026-03-23 15:33:52",
    ),
    (
        "smp-0321",
        "ann-05",
        "access",
        0.866,
        "2026-03-23T19:26:23Z",
    ),
    (
        "smp-0322",
        "ann-03",
        "limit_sensitive_data",
        0.762,
        "2026-03-23T22:33:56Z",
    ),
    (
        "smp-0322",
        "ann-08",
        "limit_sensitive_data",
        0.812,
        "2026-03-23T23:08:56Z",
    ),
    (
        "smp-0315",
        "ann-05",
        "consent_withdrawal",
        0.803,
        "2026-03-23T23:13:57Z",
    ),
    (
        "smp-0314",
        "ann-04",
        "non_privacy",
        0.895,
        "2026-03-24 03:30:10",
    ),
    (
        "smp-0317",
        "ann-01",
        "limit_sensitive_data",
        0.742,
        "2026-03-24T04:45:59Z",
    ),
    (
        "smp-0319",
        "ann-04",
        "privacy_complaint",
        0.797,
        "2026-03-24 10:37:02",
    ),
    (
        "smp-0323",
        "ann-04",
        "non_privacy",
        0.893,
        "2026-03-24T16:18:08Z",
    ),
    (
        "smp-0320",
        "ann-05",
        "non_privacy",
        0.949,
        "2026-03-24T16:44:49Z",
    ),
    (
        "smp-0323",
        "ann-01",
        "non_privacy",
        0.973,
        "2026-03-24T19:11:08Z",
    ),
    (
        "smp-0321",
        "ann-07",
        "access",
        0.826,
        "2026-03-24T20:30:23Z",
    ),
    (
        "smp-0325",
        "ann-01",
        "access",
        0.804,
        "2026-03-25 17:40:02",
    ),
    (
        "smp-0326",
        "ann-01",
        "privacy_info_question",
        0.922,
        "2026-03-25T21:05:12Z",
    ),
    (
        "smp-0326",
        "ann-02",
        "privacy_info_question",
        0.922,
        "2026-03-26T00:16:12Z",
    ),
    (
        "smp-0327",
        "ann-02",
        "opt_out_sale_sharing",
        0.897,
        "2026-03-26 18:28:34",
    ),
    (
        "smp-0327",
        "ann-05",
        "opt_out_sale_sharing",
        0.797,
        "2026-03-27 02:51:34",
    ),
    (
        "smp-0324",
        "ann-02",
        "objection",
        0.908,
        "2026-03-27 07:56:03",
    ),
    (
        "smp-0324",
        "ann-02",
        "objection",
        0.949,
        "2026-03-27 08:33:03",
    ),
    (
        "smp-0326",
        "ann-03",
        "privacy_info_question",
        0.906,
        "2026-03-28T01:35:12Z",
    ),
    (
        "smp-0327",
        "ann-08",
        "opt_out_sale_sharing",
        0.992,
        "2026-03-29T02:02:34Z",
    ),
    (
        "smp-0328",
        "ann-06",
        "restriction",
        0.865,
        "2026-03-29 11:31:47",
    ),
    (
        "smp-0328",
        "ann-02",
        "restriction",
        0.916,
        "2026-03-29T16:30:47Z",
    ),
    (
        "smp-0328",
        "ann-07",
        "objection",
        0.568,
        "2026-03-29T17:26:47Z",
    ),
]


def parse_timestamp(value: str | None) -> dt.datetime | None:
    """'2026-03-14T09:21:05Z' or '2026-03-14 09:21:05' (both UTC) to a naive datetime."""
    if value is None:
        return None
    return dt.datetime.fromisoformat(value).replace(tzinfo=None)


def write(rows: list[tuple], schema: pa.Schema, timestamp_column: str, path: Path) -> None:
    position = schema.names.index(timestamp_column)
    columns = [list(column) for column in zip(*rows, strict=True)]
    columns[position] = [parse_timestamp(value) for value in columns[position]]
    table = pa.Table.from_arrays(
        [pa.array(column, type=field.type) for column, field in zip(columns, schema, strict=True)],
        schema=schema,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd", version="2.6")
    print(f"wrote {table.num_rows} rows to {path.relative_to(ROOT)}")


def main() -> None:
    write(MESSAGES, MESSAGE_SCHEMA, "created_at", MESSAGES_PATH)
    write(ANNOTATIONS, ANNOTATION_SCHEMA, "annotated_at", ANNOTATIONS_PATH)


if __name__ == "__main__":
    main()
