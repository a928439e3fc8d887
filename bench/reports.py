"""Benchmark of the report readers: pages per second for text PDFs and for OCR, each priced
against its floor in the same run.

    .venv/bin/python -m bench.reports            # after `make test`'s setup; prints and writes bench/results/reports.json

- Text PDFs: a 40-page ruled annex generated like the sample portal's (group rows, repeated
  headers), read into official values (tables, mapping) vs pdfplumber's word extraction alone
  on the same pages (the least any table reader pays).
- OCR: the sample's scanned page, read through ocrmypdf into official values vs tesseract alone
  on the same 300 dpi image. Skipped with a message where ocrmypdf is not installed.
"""
from __future__ import annotations

import copy
import io
import json
import os
import platform
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path

from rapor import config
from rapor.config.reports import load_families
from rapor.extract.official import choose_family, map_document
from rapor.extract.official_names import NameIndex
from rapor.extract.tables import read_document
from rapor.extract.tables.ocr import unavailable_reason
from rapor.pipeline.sample_portal.official_sites import Spec, load_specs, render, render_ruled_pdf

RESULTS = Path(__file__).resolve().parent / "results" / "reports.json"


def long_annex(copies: int = 14) -> bytes:
    spec = next(s for s in load_specs() if s.name == "ombudsman-opini-2023")
    data = copy.deepcopy(spec.data)
    for group in data["groups"]:
        group["rows"] = group["rows"] * copies
    return render_ruled_pdf(Spec("bench", data))


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    import pdfplumber

    families, names = load_families(), NameIndex.from_rules(config.load_rules())

    def read_values(content: bytes, title: str) -> int:
        read = read_document(content)
        family = choose_family("", f"{title}\n{read.text}", families)
        return len(map_document(read, family, names, title=title).values)

    def words_only(content: bytes) -> None:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            for page in pdf.pages:
                page.extract_words()

    annex = long_annex()
    with pdfplumber.open(io.BytesIO(annex)) as pdf:
        pages = len(pdf.pages)
    values = read_values(annex, "")
    rapor_s = timed(lambda: read_values(annex, ""), 3)
    floor_s = timed(lambda: words_only(annex), 3)
    out = {"date": date.today().isoformat(), "machine": platform.processor() or platform.machine(),
           "text_pdf": {"pages": pages, "official_values": values, "pages_per_s": round(pages / rapor_s, 1),
                        "floor_pages_per_s": round(pages / floor_s, 1), "vs_floor": round(floor_s / rapor_s, 2)}}
    print(f"text PDF: {pages} pages, {values} values: {pages / rapor_s:.1f} pages/s "
          f"(pdfplumber words alone {pages / floor_s:.1f} pages/s; Rapor at {floor_s / rapor_s:.2f} of the floor)")
    reason = unavailable_reason()
    if reason:
        print(f"OCR: skipped ({reason})")
    else:
        import pypdfium2
        scan_spec = next(s for s in load_specs() if s.data.get("layout") == "scan")
        scan = render(scan_spec)
        ocr_values = read_values(scan, scan_spec.data["title"])
        ocr_s = timed(lambda: read_values(scan, scan_spec.data["title"]), 2)
        with tempfile.TemporaryDirectory() as folder:
            image = Path(folder) / "page.png"
            pypdfium2.PdfDocument(scan)[0].render(scale=300 / 72).to_pil().save(image)
            # one thread, as ocrmypdf runs it (OpenMP threads only contend on two shared cores)
            tesseract_s = timed(lambda: subprocess.run(["tesseract", str(image), "-", "-l", "ind", "--psm", "6"],
                                                       capture_output=True, check=True,
                                                       env={**os.environ, "OMP_THREAD_LIMIT": "1"}), 2)
        out["ocr"] = {"pages": 1, "official_values": ocr_values, "pages_per_s": round(1 / ocr_s, 2),
                      "tesseract_alone_pages_per_s": round(1 / tesseract_s, 2), "vs_floor": round(tesseract_s / ocr_s, 2)}
        print(f"OCR: 1 page, {ocr_values} values: {1 / ocr_s:.2f} pages/s "
              f"(tesseract alone {1 / tesseract_s:.2f} pages/s; Rapor at {tesseract_s / ocr_s:.2f} of the floor)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
