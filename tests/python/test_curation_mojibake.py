"""Mojibake repair on real-looking text, end to end.

App-store reviews and e-mails with emoji, accents and curly punctuation, written by hand in the
seven languages, are garbled the way broken pipelines garble text: UTF-8 read as Windows-1252 or
Latin-1 once, twice or three times, lower-cased after garbling, or with the C1 control characters
dropped on the way (bytes lost for good, as in "ðâÂâÂ¡" from issue 14). One build runs on the
sample files plus these rows. It must be green (normalisation idempotent, no mojibake marker in the
export); every repairable variant must come out exactly like its clean original; what cannot be
repaired is quarantined (unstable_text, garbled_text), never exported, and every row is accounted for.

The same build carries the generator's own frames that sign or greet with a name, filled with its
names (accents in first place too: "Éloïse", "Álvaro", "Çağla"), garbled once and re-cased as the
generator's noise does (lower or upper case after the garbling): no name may survive the repair and
the redaction ("grüãÿen greta takeuchi", "À°LOïSE CLAEYS" reached the export once).
"""

from __future__ import annotations

import csv
import re
import shutil

import pytest
from conftest import PROJECT_DIR, Build, build_project, failed_nodes
from garbling import as_cp1252, as_latin1, garble

from privacy_curation.text_repair import MOJIBAKE_MARKER

pytestmark = pytest.mark.dbt

CRAFTED_MESSAGES = "zz_mojibake_messages.csv"
CRAFTED_ANNOTATIONS = "zz_mojibake_annotations.csv"
NAME_MESSAGES = "zz_mojibake_name_messages.csv"
FRAMES = PROJECT_DIR / "seeds" / "generator_channel_frames.csv"
PERSON_NAMES = PROJECT_DIR / "seeds" / "generator_person_names.csv"
# a body per language, written for this test: no name in it
BODIES = {
    "en": "Please delete my account and all the data you hold about me.",
    "de": "Bitte löschen Sie mein Konto und alle Daten über mich.",
    "fr": "Merci de supprimer mon compte et toutes mes données.",
    "es": "Por favor, borren mi cuenta y todos mis datos.",
    "pt": "Por favor, apaguem a minha conta e todos os meus dados.",
    "it": "Per favore cancellate il mio account e tutti i miei dati.",
    "nl": "Verwijder alstublieft mijn account en al mijn gegevens.",
}
LOCALES = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "pt": "pt-PT", "it": "it-IT", "nl": "nl-NL"}
# how the generator's noise leaves a text: garbled once or not, then lower or upper case or not
NAME_VARIANTS = {
    "clean": lambda text: text,
    "lower": str.lower,
    "upper": str.upper,
    "cp1252": as_cp1252,
    "cp1252-lower": lambda text: as_cp1252(text).lower(),
    "cp1252-upper": lambda text: as_cp1252(text).upper(),
}
GOOD_TIME = "2026-03-14T10:00:00Z"
# locale, intent, clean text: written for this test
CLEAN_REVIEWS = [
    (
        "en-US",
        "deletion",
        "I love the app 😍 but I don\u2019t want you keeping my data anymore. Please delete my account "
        "and everything linked to it… thanks! 🙏",
    ),
    (
        "en-GB",
        "marketing_unsubscribe",
        "Stop sending me \u201cspecial offers\u201d every single day 😡 I never signed up for your newsletter \u2014 "
        "unsubscribe me now ⚡",
    ),
    (
        "de-DE",
        "access",
        "Ich möchte wissen, welche Daten Sie über mich gespeichert haben 🤔 Bitte schicken Sie mir "
        "eine Kopie. Viele Grüße 👍",
    ),
    (
        "fr-FR",
        "deletion",
        "Très déçu 😞 l\u2019appli plante à chaque ouverture. Supprimez mon compte et toutes mes données "
        "personnelles, s\u2019il vous plaît.",
    ),
    (
        "es-ES",
        "consent_withdrawal",
        "¿Cómo retiro mi consentimiento? 🙏🏽 No quiero que usen mis datos para publicidad. Gracias, señores 😊",
    ),
    (
        "pt-BR",
        "deletion",
        "Não quero mais usar o aplicativo 😤 Por favor apaguem a minha conta e todos os meus dados pessoais ★★☆☆☆",
    ),
    (
        "it-IT",
        "access",
        "Perché l\u2019app mi chiede sempre la posizione? 🤔 Voglio sapere quali dati personali avete su "
        "di me, grazie mille 💯",
    ),
    (
        "nl-NL",
        "deletion",
        "Ik wil dat jullie al mijn gegevens verwijderen 💸 € 5 per maand voor een app die mijn "
        "locatie verkoopt is te veel 👎",
    ),
]

# Seen in real traffic (issue 14): emoji whose garbling lost bytes; the rest of the text is ours.
ISSUE_FRAGMENTS = ["ðâÂâÂ¡", "ãÂ¢âÂâÂ¹"]


def without_c1(text: str) -> str:
    return re.sub("[\x80-\x9f]", "", text)


def crafted_rows() -> list[dict]:
    """One row per variant: id, text, locale, intent, the clean original's id, and whether it must be repaired."""
    rows = []
    for number, (locale, intent, clean) in enumerate(CLEAN_REVIEWS, start=1):
        original = f"mj-{number}-clean"
        variants = {"clean": clean}
        for name, layer in (("cp1252", as_cp1252), ("latin1", as_latin1)):
            for layers in (1, 2, 3):
                variants[f"{name}-x{layers}"] = garble(clean, layer, layers)
        variants["cp1252-x2-mixed"] = clean[:20] + garble(clean[20:], as_cp1252, 2)
        variants["cp1252-x2-lost-c1"] = without_c1(garble(clean, as_cp1252, 2))
        variants["latin1-x2-lost-c1"] = without_c1(garble(clean, as_latin1, 2))
        for name, text in variants.items():
            rows.append(
                {
                    "message_id": f"mj-{number}-{name}",
                    "text": text,
                    "locale": locale,
                    "intent": intent,
                    "original": original,
                    "repairable": "lost-c1" not in name,
                }
            )
    for number, fragment in enumerate(ISSUE_FRAGMENTS, start=1):
        rows.append(
            {
                "message_id": f"mj-issue-{number}",
                "text": f"Great app {fragment} but please delete my account and all my personal data {fragment}",
                "locale": "en-US",
                "intent": "deletion",
                "original": None,
                "repairable": False,
            }
        )
    return rows


def words(text: str) -> str:
    """The letters-only words of a text, lower case, each with a space on both sides."""
    return " " + " ".join(re.findall(r"[^\W\d_]+", text.lower())) + " "


def generator_names() -> list[tuple[str, str]]:
    """The generator's names with a letter outside ASCII, those whose first name has one first."""
    with PERSON_NAMES.open(encoding="utf-8") as handle:
        names = [(row["first_name"], row["last_name"]) for row in csv.DictReader(handle)]
    accented = [name for name in names if not " ".join(name).isascii()]
    return sorted(accented, key=lambda name: name[0].isascii())


def name_rows() -> list[dict]:
    """One row per frame of the generator that writes a name, per name drawn for it, per noise variant."""
    with FRAMES.open(encoding="utf-8") as handle:
        frames = [
            row
            for row in csv.DictReader(handle)
            if "{signature}" in row["frame_text"] or "{agent}" in row["frame_text"]
        ]
    names = generator_names()
    rows = []
    for number, frame in enumerate(frames):
        for draw in range(2):
            first, last = names[(2 * number + draw) % len(names)]
            text = (
                frame["frame_text"]
                .replace("\\n", "\n")
                .replace("{body}", BODIES[frame["language"]])
                .replace("{service}", "Nordquay")
                .replace("{agent}", first)
                .replace("{signature}", f"{first} {last}")
            )
            for variant, noise in NAME_VARIANTS.items():
                rows.append(
                    {
                        "message_id": f"mjn-{frame['frame_id']}-{draw}-{variant}",
                        "text": noise(text),
                        "channel": frame["channel"],
                        "locale": LOCALES[frame["language"]],
                        "clean": text,
                        "name": (first, last) if "{signature}" in frame["frame_text"] else (first,),
                    }
                )
    return rows


@pytest.fixture(scope="module")
def mojibake_build(tmp_path_factory) -> Build:
    work_dir = tmp_path_factory.mktemp("mojibake_build")
    raw_dir = work_dir / "raw"
    shutil.copytree(PROJECT_DIR / "data" / "raw", raw_dir, ignore=shutil.ignore_patterns("README.md"))
    rows = crafted_rows()
    with (raw_dir / "messages" / CRAFTED_MESSAGES).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["message_id", "text", "channel", "locale", "created_at"])
        writer.writerows([row["message_id"], row["text"], "app_review", row["locale"], GOOD_TIME] for row in rows)
    with (raw_dir / "messages" / NAME_MESSAGES).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["message_id", "text", "channel", "locale", "created_at"])
        writer.writerows(
            [row["message_id"], row["text"], row["channel"], row["locale"], GOOD_TIME] for row in name_rows()
        )
    with (raw_dir / "annotations" / CRAFTED_ANNOTATIONS).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["message_id", "annotator_id", "intent", "confidence", "annotated_at"])
        for row in rows + [{**row, "intent": "deletion"} for row in name_rows()]:
            for annotator in ("ann-mj-1", "ann-mj-2"):
                writer.writerow([row["message_id"], annotator, row["intent"], "0.9", GOOD_TIME])
    build = build_project(work_dir, raw_dir=raw_dir)
    assert build.result.success, "dbt build failed:\n" + failed_nodes(build.result)
    return build


def test_crafted_rows_are_garbled_as_real_pipelines_garble():
    rows = crafted_rows()
    assert all(MOJIBAKE_MARKER.search(row["text"]) for row in rows if not row["message_id"].endswith("-clean"))
    assert not any(MOJIBAKE_MARKER.search(row["text"]) for row in rows if row["message_id"].endswith("-clean"))


def test_every_repairable_variant_comes_out_like_its_clean_original(mojibake_build):
    clean_by_id = dict(
        mojibake_build.query(
            f"select message_id, message_text_clean from int_messages_normalized "
            f"where source_file like '%{CRAFTED_MESSAGES}'"
        )
    )
    for row in crafted_rows():
        if row["repairable"]:
            assert clean_by_id[row["message_id"]] == clean_by_id[row["original"]], row["message_id"]


def test_every_crafted_row_is_kept_duplicate_or_quarantined_for_its_text(mojibake_build):
    outcome = {
        message_id: (resolution, reason)
        for message_id, resolution, reason in mojibake_build.query(
            f"select message_id, resolution, reason_code from int_messages_resolved "
            f"where source_file like '%{CRAFTED_MESSAGES}'"
        )
    }
    rows = crafted_rows()
    assert len(outcome) == len(rows), "a crafted raw row went missing"
    for row in rows:
        resolution, reason = outcome[row["message_id"]]
        if row["repairable"]:
            assert resolution in ("kept", "duplicate"), (row["message_id"], resolution, reason)
        else:
            assert resolution in ("kept", "duplicate") or reason in ("unstable_text", "garbled_text"), (
                row["message_id"],
                resolution,
                reason,
            )
    assert {outcome[row["message_id"]][1] for row in rows if row["message_id"].startswith("mj-issue")} <= {
        "unstable_text",
        "garbled_text",
    }


def test_no_exported_text_shows_mojibake(mojibake_build):
    texts = [text for (text,) in mojibake_build.export_rows("select text from export where text is not null")]
    assert texts
    assert [text for text in texts if MOJIBAKE_MARKER.search(text)] == []


def test_only_candidate_texts_reach_python(mojibake_build):
    [(candidates, raw_texts)] = mojibake_build.query(
        "select (select count(*) from int_message_texts_repaired), "
        "(select count(distinct message_text) from int_messages_unioned)"
    )
    [(crafted,)] = mojibake_build.query(
        f"select count(*) from int_messages_unioned where source_file like '%{CRAFTED_MESSAGES}' "
        "and message_id not like '%-clean'"
    )
    assert crafted <= candidates < raw_texts / 10


def test_no_generator_name_survives_garbling_and_re_casing(mojibake_build):
    """Every frame of the generator that writes a name, garbled and re-cased as its noise does: the text is
    repaired (kept or a duplicate, never quarantined) and no word of the name is left after redaction."""
    rows = name_rows()
    assert len(rows) >= 200 and any(not row["name"][0][0].isascii() for row in rows)
    garbled = [
        row for row in rows if row["message_id"].split("-", 3)[3].startswith("cp1252") and not row["clean"].isascii()
    ]
    assert len(garbled) >= 100 and all(MOJIBAKE_MARKER.search(row["text"]) for row in garbled)
    redacted = {
        message_id: (resolution, reason, text)
        for message_id, resolution, reason, text in mojibake_build.query(
            "select resolved.message_id, resolved.resolution, resolved.reason_code, redacted.message_text_redacted "
            "from int_messages_resolved as resolved inner join int_messages_redacted as redacted "
            "on resolved.raw_row_id = redacted.raw_row_id "
            f"where resolved.source_file like '%{NAME_MESSAGES}'"
        )
    }
    assert len(redacted) == len(rows), "a crafted raw row went missing"
    quarantined = [
        (row["message_id"], redacted[row["message_id"]][1])
        for row in rows
        if redacted[row["message_id"]][0] not in ("kept", "duplicate")
    ]
    assert quarantined == [], f"crafted name rows quarantined: {quarantined}"
    leaks = [
        f"{row['message_id']}: {redacted[row['message_id']][2]!r}"
        for row in rows
        if any(words(part) in words(redacted[row["message_id"]][2]) for part in row["name"])
    ]
    assert leaks == [], "names left after redaction:\n" + "\n".join(leaks)
    exported = mojibake_build.export_rows("select text from export where message_id like 'mjn-%' and text is not null")
    assert exported, "no crafted name row was exported"
    names = {part for row in rows for part in row["name"]}
    assert [text for (text,) in exported if any(words(part) in words(text) for part in names)] == []
