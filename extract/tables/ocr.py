"""OCR for image-only PDF pages: the one step of `extract.tables` that runs a program.

`add_text_layer(pdf bytes) -> pdf bytes` runs ocrmypdf (Debian `ocrmypdf`, with tesseract's
Indonesian data `tesseract-ocr-ind`) on pages that have no text, in a temporary folder, and
returns the same pages with an invisible text layer; `pdf_text` then reads its words like any
other. ocrmypdf runs as a separate program (it calls tesseract, and Ghostscript for rasterising,
as programs too); Rapor links none of them. Where they are not installed, `OcrUnavailable` says
what to install, and the scanned pages are reported as needing OCR: nothing crashes.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

LANGUAGE = "ind"
TIMEOUT_S = 600
INSTALL_HINT = "needs OCR: install ocrmypdf tesseract-ocr-ind"


class OcrUnavailable(RuntimeError):
    """OCR cannot run here (programs or language data missing) or failed on this file."""


def unavailable_reason() -> str | None:
    """Why OCR cannot run on this machine, or None when it can."""
    if not shutil.which("ocrmypdf") or not shutil.which("tesseract"):
        return INSTALL_HINT
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60)
    if LANGUAGE not in listed.stdout.split():
        return f"{INSTALL_HINT} (tesseract has no '{LANGUAGE}' language data)"
    return None


def add_text_layer(content: bytes) -> bytes:
    reason = unavailable_reason()
    if reason:
        raise OcrUnavailable(reason)
    with tempfile.TemporaryDirectory(prefix="rapor-ocr-") as folder:
        source, target = Path(folder) / "in.pdf", Path(folder) / "out.pdf"
        source.write_bytes(content)
        # --skip-text: pages that already have text keep it; --output-type pdf: no PDF/A
        # conversion; page segmentation 6 (one uniform block): tesseract's automatic mode reads a
        # column of row numbers or category letters as one vertical word, block mode reads rows;
        # the hocr renderer places each word where it was seen (sandwich spreads words apart)
        command = ["ocrmypdf", "-l", LANGUAGE, "--skip-text", "--output-type", "pdf", "--optimize", "0",
                   "--tesseract-pagesegmode", "6", "--pdf-renderer", "hocr", "--jobs", "1", "--quiet", str(source), str(target)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise OcrUnavailable(f"ocrmypdf took more than {TIMEOUT_S} s; the scanned pages were not read") from None
        if done.returncode != 0 or not target.exists():
            raise OcrUnavailable(f"ocrmypdf failed (exit {done.returncode}): {done.stderr.strip()[-300:]}")
        return target.read_bytes()
