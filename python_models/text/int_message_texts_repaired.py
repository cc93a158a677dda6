"""One row per candidate text of int_message_texts_mojibake_candidates with its mojibake repaired by ftfy.

Layer after layer, as privacy_curation.text_repair does it; texts ftfy does not judge garbled come
back unchanged. int_messages_normalized takes the repaired text, then normalises it in SQL.
"""

import time

import pandas as pd

from privacy_curation.progress import log_progress
from privacy_curation.text_repair import repair_encodings


def model(dbt, session):
    started = time.perf_counter()
    dbt.config(materialized="table")
    candidates = dbt.ref("int_message_texts_mojibake_candidates").to_arrow_table()
    texts = candidates.column("message_text").to_pylist()
    repaired = pd.DataFrame(
        {
            "message_text": pd.Series(texts, dtype="str"),
            "message_text_repaired": pd.Series(repair_encodings(texts), dtype="str"),
        }
    )
    return log_progress("int_message_texts_repaired", len(texts), started, repaired)
