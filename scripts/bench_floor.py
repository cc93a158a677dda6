"""The floor of the cheap stages: one tuned DuckDB query over the raw messages, Parquet to Parquet.

    .venv/bin/python scripts/bench_floor.py --raw raw_messages.parquet --output floor.parquet [--threads 2]

Normalises (control characters, whitespace), redacts (e-mails, URLs, IP addresses, long digit runs:
cards, phone numbers, IBAN-like codes), removes exact duplicates (md5 of the lower-cased redacted text,
earliest message kept), derives a few features and assigns a split by a seeded md5, the cheap work
of the pipeline done the fastest way this engine allows: every expensive expression guarded by a
cheap test, one pattern per PII family, no intermediate tables. It is not the pipeline (no mojibake
repair, language detection, label consensus, quarantine or near-duplicate detection): the benchmark
uses it as the lower bound that the pipeline's own cheap stages are compared with.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb

FLOOR_SQL = r"""
copy (
    with raw as (
        select message_id, text, channel, locale, created_at from read_parquet($raw)
    ),
    normalised as (
        select
            *,
            case
                when regexp_matches(text, '[\x00-\x08\x0b-\x1f\x7f]|\s\s|^\s|\s$|[\t\n\r]')
                    then trim(regexp_replace(
                        regexp_replace(text, '[\x00-\x08\x0b-\x1f\x7f]', '', 'g'), '\s+', ' ', 'g'
                    ))
                else text
            end as clean_text,
        from raw
    ),
    redacted as (
        select
            * exclude (clean_text),
            case when contains(clean_text, '@') or contains(clean_text, 'http') or contains(clean_text, 'www.')
                    or regexp_matches(clean_text, '\d.*\d.*\d.*\d.*\d.*\d.*\d')
                then regexp_replace(regexp_replace(regexp_replace(regexp_replace(clean_text,
                    '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}', '<EMAIL>', 'g'),
                    '(https?://|www\.)[^\s<>"]+', '<URL>', 'g'),
                    '\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b', '<IP>', 'g'),
                    '(\+|\b)[A-Z]{0,2}\d[\d ./()-]{6,}\d\b', '<NUMBER>', 'g')
                else clean_text
            end as redacted_text,
        from normalised
    ),
    keyed as (
        select *, md5(lower(redacted_text)) as text_key, from redacted
    ),
    deduplicated as (
        select * from keyed
        qualify row_number() over (partition by text_key order by created_at, message_id) = 1
    ),
    featured as (
        select
            message_id,
            redacted_text as text,
            channel,
            locale,
            length(redacted_text) as f_char_count,
            length(redacted_text) - length(replace(redacted_text, ' ', '')) + 1 as f_word_count,
            length(redacted_text) - length(replace(redacted_text, '?', '')) as f_question_mark_count,
            length(redacted_text) - length(replace(redacted_text, '!', '')) as f_exclamation_count,
            length(regexp_replace(redacted_text, '[^0-9]', '', 'g')) / greatest(length(redacted_text), 1)
                as f_digit_share,
            length(regexp_replace(redacted_text, '[^A-Z]', '', 'g')) / greatest(length(redacted_text), 1)
                as f_uppercase_share,
            (contains(redacted_text, '<EMAIL>') or contains(redacted_text, '<NUMBER>')
                or contains(redacted_text, '<URL>') or contains(redacted_text, '<IP>'))::integer as f_has_pii,
            (md5_number('42|' || message_id) % 100)::integer as split_draw,
        from deduplicated
    ),
    final as (
        select
            * exclude (split_draw),
            case
                when split_draw < 70 then 'train'
                when split_draw < 85 then 'validation'
                else 'test'
            end as split,
        from featured
    )
    select * from final order by message_id
) to $output (format parquet)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, required=True, help="Parquet of raw messages (message_id, text, ...)")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=2)
    options = parser.parse_args()
    started = time.perf_counter()
    with duckdb.connect(config={"threads": options.threads, "preserve_insertion_order": False}) as connection:
        sql = FLOOR_SQL.replace("$raw", f"'{options.raw}'").replace("$output", f"'{options.output}'")
        connection.execute(sql)
        [(rows,)] = connection.sql(f"select count(*) from read_parquet('{options.output}')").fetchall()
    print(json.dumps({"rows_out": rows, "seconds": round(time.perf_counter() - started, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
