"""Extraction's worst cases, timed on `Extractor.extract` alone (the extractor is built first):

- `adversarial`: 200,000 characters of entities and scores in one sentence, no full stop;
- `ranked_list`: a ranked list as ministries publish them, ~430 lines of "1. Pemerintah
  Kabupaten X dengan nilai 88,12" over real region names from the gazetteer (~21,000 chars);
- `label_list`: 100,000 characters of governments given one zone in one sentence ("Tahun 2019,
  … zona hijau diraih Pemerintah A, Pemerintah B, …"): predicate-only records, each of which
  once read every token of the sentence again for its year.

    python -m bench.worst_case adversarial     # prints one JSON line: seconds, records, chars

`bench.run` runs each case in a subprocess under a timeout and reports "over N s" when the
case does not finish: a quadratic extractor takes minutes on the first one.
"""
from __future__ import annotations

import json
import random
import sys
import time

ADVERSARIAL_CHARS = 200_000
RANKED_LINES = 430


def adversarial_text() -> str:
    rng = random.Random(1)
    units = ["Dinas Sosial Kabupaten Serang", "Disdukcapil Kota Cilegon", "RSUD Kabupaten Lebak",
             "Pemkab Pandeglang", "DPMPTSP Kota Tangerang", "UPT Puskesmas Ciruas"]
    parts, length = ["Dalam penilaian kepatuhan Ombudsman tahun 2024"], 0
    while length < ADVERSARIAL_CHARS:
        part = f"{rng.choice(units)} meraih nilai {rng.uniform(60, 99):.2f}".replace(".", ",") + " zona hijau"
        parts.append(part)
        length += len(part) + 2
    return ", ".join(parts)[:ADVERSARIAL_CHARS]


def ranked_list_text() -> str:
    from rapor import config
    regions = [r.name for r in config.load_rules().regions if r.level in ("kabupaten", "kota")]
    rng = random.Random(2)
    lines = ["Berikut hasil Penilaian Kepatuhan Standar Pelayanan Publik Ombudsman RI Tahun 2024 untuk "
             "pemerintah kabupaten dan kota:"]
    scores = sorted((rng.uniform(50, 99.9) for _ in range(RANKED_LINES)), reverse=True)
    for rank, (region, score) in enumerate(zip(rng.sample(regions, RANKED_LINES), scores), start=1):
        decimal_comma = f"{score:.2f}".replace(".", ",")
        lines.append(f"{rank}. Pemerintah {region} dengan nilai {decimal_comma}")
    return "\n".join(lines)


LABEL_LIST_CHARS = 100_000


def label_list_text() -> str:
    from rapor import config
    regions = [r.name for r in config.load_rules().regions if r.level in ("kabupaten", "kota") and "." not in r.name]
    rng = random.Random(3)
    parts, length = [], 0
    while length < LABEL_LIST_CHARS:
        parts.append(f"Pemerintah {rng.choice(regions)}")
        length += len(parts[-1]) + 2
    return "Tahun 2019, dalam penilaian kepatuhan Ombudsman zona hijau diraih " + ", ".join(parts) + "."


CASES = {"adversarial": adversarial_text, "ranked_list": ranked_list_text, "label_list": label_list_text}
TARGETS_S = {"adversarial": 2.0, "ranked_list": 0.5, "label_list": 2.0}


def main(case: str) -> dict:
    from rapor.extract.records import Article
    from rapor.pipeline.stages import build_extractor

    text = CASES[case]()
    extractor = build_extractor()
    article = Article(text=text, title="Hasil penilaian kepatuhan pelayanan publik", published="2025-01-10")
    start = time.perf_counter()
    records = extractor.extract(article)
    return {"case": case, "seconds": round(time.perf_counter() - start, 3), "records": len(records),
            "chars": len(text), "scores_in_text": text.count(" nilai ")}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
