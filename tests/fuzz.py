"""Fuzzing the extraction contract and the extractor with a seeded generator.

Each input is one line of `rapor extract --input`, as bytes: a real-looking Indonesian sentence
about an evaluation, mutated (fragments inserted, spans cut or repeated, case swapped, several
joined, a long run of them), then put in a line in one of many ways — a good article line,
HTML instead of text, fields of the wrong JSON type, missing or extra fields, escapes that
smuggle in NULs and unpaired surrogates, and bytes that are no UTF-8 (Latin-1, UTF-16, random
bytes, a line cut in the middle of a character).

What must hold for every input (`check`): one output line per input line, valid JSON, the
input's id when it could be read, `text[start:end] == quote` for every record of a text line,
and no "extraction failed" line — that one means the extractor raised, a crash.

    python -m tests.fuzz --count 10000 [--seed 1]     # `make fuzz`
    tests/unit/test_fuzz_contract.py                  # a small budget in `make test`

Timings are reported (the slowest input), never asserted: speed targets live in bench/.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from dataclasses import dataclass, field

SEEDS = [
    "Dinsos meraih nilai 94, 62 zona hijau kualitas tertinggi, DPMPTSP nilai 91,16 zona hijau kualitas tertinggi.",
    "Pemerintah Kota Cilegon mendapatkan nilai 77,73 untuk penilaian kepatuhan pelayanan publik tahun 2021.",
    "Kota Madiun meraih IPP 4,74, setara nilai konversi 94,75, kategori A atau pelayanan prima.",
    "Zona hijau untuk nilai 81,00 – 100, zona kuning (51 - 80) dan zona merah 0-50.",
    "Perangkat daerah berpredikat A (Memuaskan), di antaranya:\n-\nDinas Sosial\n-\nInspektorat",
    "Kabupaten Sidoarjo di bawah Kabupaten Cilacap, Jawa Tengah, dengan skor 4,65 pada tahun 2024.",
    "Mereka adalah Pemerintah Kabupaten Bandung, Kota Cirebon, dan Kabupaten Sumedang yang informatif.",
    "SERANG, Warta – Pemkab Serang meraih predikat ‘BB’ SAKIP dengan nilai 71,25 poin (8/6/2023).",
    "Survei Kepuasan Masyarakat (SKM) RSUD Dr. Dradjat Prawiranegara tahun 2023 mencapai 88,5 persen, mutu B.",
    "Indeks SPBE Kota Cilegon Tahun 2023 tercatat 7,12 dan menjadi yang tertinggi di Banten.",
    "Polres Serang Kota meraih predikat Wilayah Bebas dari Korupsi (WBK) dari KemenPANRB pada 2022.",
    "Komisi Informasi menetapkan Pemprov Banten sebagai badan publik Informatif dengan nilai 92,3.",
    "1. Kabupaten Serang 89,11 (zona hijau); 2. Kota Serang 85,40 (zona hijau); 3. Kabupaten Lebak 79,90.",
]
FRAGMENTS = ["94, 62", "nilai", ",", ".", "(", ")", "–", "-", ":", "\n", "persen", "zona hijau", "Kab.", "Kota",
             "predikat A-", "2024", "8/6/2023", "Rp 1,5 miliar", "s/d", "yang", "dan", "\x00", "’", "«", "🙂",
             "lima", "peringkat ke-3", "Dinas", "RSUD", "Pemkab", " ", "<p>", "&amp;", "\u00a0", "\u200b", "\r",
             "\t", "kepatuhan", "Ombudsman RI", "nilai 100", "99,999", "0,0", "-12", "1.000.000", "ke-1", "A+",
             "\ufeff", "e\u0301", "ا", "中文", "\U0001f1ee\U0001f1e9", "\\", '"', "'"]
JUNK_VALUES = [0, -1, 3.5, 1e308, True, False, [], ["x"], {}, {"text": "nilai 90"}, [[[]]], "", " "]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(0, 10)):
        position = rng.randint(0, len(text))
        action = rng.random()
        if action < 0.4:
            text = text[:position] + rng.choice(FRAGMENTS) + text[position:]
        elif action < 0.55:
            text = text[:position] + text[position + rng.randint(1, 8):]
        elif action < 0.65:
            text = text[:position] + text[position:position + 12].swapcase() + text[position + 12:]
        elif action < 0.8:
            text = text + rng.choice([" ", "\n", ". ", ", "]) + rng.choice(SEEDS)
        elif action < 0.9:
            text = text[:position] + "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 4))) + text[position:]
        else:
            text = text + " " + text[:position]
    return text


def sentence(rng: random.Random) -> str:
    text = mutate(rng, rng.choice(SEEDS))
    if rng.random() < 0.01:  # now and then a long run-on sentence of many results
        text = ", ".join(mutate(rng, rng.choice(SEEDS)).rstrip(".") for _ in range(rng.randint(50, 400)))
    return text


def html_of(rng: random.Random, text: str) -> str:
    body = "".join(f"<p>{part}</p>" for part in text.split("\n"))
    if rng.random() < 0.3:
        body = body.replace(" ", rng.choice([" ", "&nbsp;", "<b> </b>", "<!-- x -->"]), rng.randint(1, 5))
    head = rng.choice(["<meta charset='utf-8'>", "<meta charset='iso-8859-1'>", "", "<?xml version='1.0'?>"])
    return f"<html><head>{head}<title>Berita</title></head><body><article>{body}</article></body></html>"


def line_of(rng: random.Random, number: int) -> tuple[bytes, dict | None]:
    """(one input line without its newline, the article object it was made from or None)."""
    text = sentence(rng)
    row: dict = {"id": f"f{number}", "title": rng.choice([None, "Berita", mutate(rng, "Hasil penilaian 2024")]),
                 "url": rng.choice([None, "https://warta.example.id/berita/1"]),
                 "published": rng.choice([None, "2024-05-01", "kemarin", "2024-13-45"])}
    kind = rng.random()
    if kind < 0.55:
        row["text"] = text
    elif kind < 0.7:
        row["html"] = html_of(rng, text)
    elif kind < 0.82:  # a field of the wrong type, or none
        row["text"] = text
        row[rng.choice(["text", "html", "title", "url", "published", "id"])] = rng.choice(JUNK_VALUES)
        if rng.random() < 0.2:
            del row["text"]
        if rng.random() < 0.2:
            row["extra"] = rng.choice(JUNK_VALUES)
    else:
        row["text"] = text
    raw = json.dumps(row, ensure_ascii=rng.random() < 0.3).encode("utf-8")
    if kind >= 0.82:  # bytes that are no clean line: other encodings, escapes, cuts, noise
        damage = rng.random()
        if damage < 0.2:
            raw = json.dumps(row, ensure_ascii=False).encode("latin-1", errors="replace")
        elif damage < 0.3:
            raw = json.dumps(row, ensure_ascii=False).encode("utf-16")
        elif damage < 0.45:
            raw = raw.replace(b'"text": "', b'"text": "\\ud83d x \\u0000 ', 1)
        elif damage < 0.6:
            raw = raw[:rng.randint(0, len(raw))]
        elif damage < 0.75:
            cut = rng.randint(0, len(raw))
            raw = raw[:cut] + bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 6))) + raw[cut:]
        elif damage < 0.85:
            raw = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 200)))
        elif damage < 0.92:
            raw = b"\xef\xbb\xbf" + raw
        else:
            raw = rng.choice([b"", b"   ", b"[]", b"null", b'"text"', b"{" * 3000, b"NaN", b'{"id": 1e999, "text": "x"}'])
        raw = raw.replace(b"\n", b" ")
        return raw, None
    return raw, row


@dataclass
class Report:
    inputs: int = 0
    records: int = 0
    crashes: list = field(default_factory=list)      # (input, message): the extractor raised
    violations: list = field(default_factory=list)   # (input, what): the contract broke
    slowest: tuple = (0.0, b"")
    seconds: float = 0.0

    def summary(self) -> str:
        seconds, raw = self.slowest
        return (f"{self.inputs} inputs, {self.records} records, {len(self.crashes)} crashes, "
                f"{len(self.violations)} contract violations, {self.seconds:.1f} s; slowest input (timed warm) "
                f"{seconds:.3f} s ({len(raw)} bytes: {raw[:90]!r}…)")


def _strict(constant: str):
    raise ValueError(f"{constant} in output")


def check(raw: bytes, row: dict | None, output: str, report: Report) -> None:
    """The contract for one input line and what came out for it."""
    lines = output.splitlines()
    if len(lines) != 1:
        report.violations.append((raw, f"{len(lines)} output lines"))
        return
    try:
        result = json.loads(lines[0], parse_constant=_strict)
    except ValueError as exc:
        report.violations.append((raw, f"output is not JSON: {exc}"))
        return
    if not isinstance(result.get("evaluations"), list):
        report.violations.append((raw, "no evaluations list"))
        return
    if "extraction failed" in str(result.get("error", "")):
        report.crashes.append((raw, result["error"]))
        return
    report.records += len(result["evaluations"])
    if row is None:
        return
    if result.get("id") != row.get("id") and "error" not in result:
        report.violations.append((raw, f"id {result.get('id')!r} for {row.get('id')!r}"))
    text = row.get("text") if isinstance(row.get("text"), str) else None
    for record in result["evaluations"]:
        if text is not None and text[record["start"]:record["end"]] != record["quote"]:
            report.violations.append((raw, f"quote {record['quote']!r} not at {record['start']}:{record['end']}"))


def run(count: int, seed: int = 1, extractor=None) -> Report:
    """Generate `count` inputs from `seed`, run each through the contract, check and time it;
    then all of them as one file, which must give exactly one output line per input line."""
    from rapor.pipeline.contract import extract_jsonl

    if extractor is None:
        from rapor.pipeline.stages import build_extractor
        extractor = build_extractor()
    rng = random.Random(seed)
    report = Report()
    inputs = [line_of(rng, number) for number in range(count)]
    candidates: list[tuple[float, bytes]] = []
    started = time.perf_counter()
    for raw, row in inputs:
        sink = io.StringIO()
        began = time.perf_counter()
        report.inputs += 1
        try:
            extract_jsonl(io.BytesIO(raw + b"\n"), sink, extractor, lambda number, message: None)
        except Exception as exc:  # noqa: BLE001 — the run itself died: the worst crash there is
            report.crashes.append((raw, f"the run died: {type(exc).__name__}: {exc}"))
            continue
        candidates.append((time.perf_counter() - began, raw))
        check(raw, row, sink.getvalue(), report)
    # the slowest ten timed again: a first call pays for lazy loading (dateparser, htmldate),
    # which says nothing about the input that happened to come first
    for _, raw in sorted(candidates, reverse=True)[:10]:
        began = time.perf_counter()
        extract_jsonl(io.BytesIO(raw + b"\n"), io.StringIO(), extractor, lambda number, message: None)
        report.slowest = max(report.slowest, (time.perf_counter() - began, raw))
    whole = io.StringIO()
    extract_jsonl(io.BytesIO(b"\n".join(raw for raw, _ in inputs) + b"\n"), whole, extractor, lambda n, m: None)
    if len(whole.getvalue().splitlines()) != count:
        report.violations.append((b"(the whole file)", f"{len(whole.getvalue().splitlines())} output lines for {count}"))
    report.seconds = time.perf_counter() - started
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    report = run(args.count, args.seed)
    print(report.summary())
    for raw, message in (report.crashes + report.violations)[:20]:
        print(f"  {message}\n    input: {raw[:300]!r}")
    return 1 if report.crashes or report.violations else 0


if __name__ == "__main__":
    sys.exit(main())
