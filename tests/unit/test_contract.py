"""The JSONL contract of `rapor extract --input` under bad input (issue 11, item 3): every input
line gets its output line, bad bytes and wrong types cost their own line only."""
import importlib.util
import io
import json

import pytest

from rapor.pipeline.contract import MAX_LINE_BYTES, extract_jsonl
from tests.conftest import run_rapor, shared_path

CILEGON = ("Pemerintah Kota Cilegon mendapatkan nilai 77,73 untuk penilaian kepatuhan pelayanan publik tahun "
           "2021 dengan predikat kepatuhan Sedang.")
DINSOS = "Dinsos meraih nilai 94, 62 zona hijau kualitas tertinggi pada penilaian Ombudsman."


def line(**row) -> bytes:
    return json.dumps(row).encode() + b"\n"


def run(data: bytes, extractor):
    errors = []
    sink = io.StringIO()
    counts = extract_jsonl(io.BytesIO(data), sink, extractor, lambda number, message: errors.append((number, message)))
    return [json.loads(l) for l in sink.getvalue().splitlines()], errors, counts


@pytest.mark.parametrize("bad, says", [
    (b'{"id": "x", "text": "\xff\xfe nilai"}\n', "not UTF-8"),
    (b"\x89PNG\x1a\x00\n", "not UTF-8"),
    (b"\x00\x01\x02\x03 binary\n", "not JSON"),
    (b'{"id": "x", "text": 94.62}\n', '"text" must be a string'),
    (b'{"id": "x", "text": "t", "title": 7}\n', '"title" must be a string'),
    (b'{"id": "x", "text": "t", "title": ["a"]}\n', '"title" must be a string'),
    (b'{"id": "x", "html": {"p": 1}}\n', '"html" must be a string'),
    (b'{"id": "x", "html": 12}\n', '"html" must be a string'),
    (b'{"id": "x", "text": "t", "published": 20240101}\n', '"published" must be a string'),
    (b'{"id": "x", "text": "\\udc80 nilai 90"}\n', "unpaired surrogate"),
    (b'{"id": "x", "text": NaN}\n', "NaN is not a JSON number"),
    (b'{"id": ["x"], "text": "t"}\n', '"id" must be a string'),
    (b'{"id": "x"}\n', 'neither "text" nor "html"'),
    (b'{"id": "x", "text": "t", "url": "https://warta.example.[id/berita/1"}\n', '"url" is not a URL'),  # fuzz find
    (b'"just a string"\n', "must be a JSON object"),
    (b"[" * 50_000 + b"\n", "nested too deeply"),
])
def test_a_bad_line_costs_its_own_line_only(extractor, bad, says):
    rows, errors, (done, failed) = run(line(id="before", text=CILEGON) + bad + line(id="after", text=DINSOS), extractor)
    assert [r["id"] for r in rows] == ["before", rows[1]["id"], "after"]
    assert rows[1]["line"] == 2 and says in rows[1]["error"] and rows[1]["evaluations"] == []
    assert [number for number, _ in errors] == [2] and says in errors[0][1]
    assert rows[0]["evaluations"][0]["score"] == 77.73 and rows[2]["evaluations"][0]["score"] == 94.62
    assert (done, failed) == (2, 1)


def test_an_error_line_keeps_the_id_it_could_read(extractor):
    rows, _, _ = run(b'{"id": "keeps-me", "text": "bad \xc3\x28 byte"}\n', extractor)
    assert rows[0]["id"] == "keeps-me" and "not UTF-8" in rows[0]["error"]


def test_blank_lines_keep_their_place_and_a_bom_is_accepted(extractor):
    data = b"\xef\xbb\xbf" + line(id="a", text=CILEGON) + b"\n   \r\n" + line(id="b", text=DINSOS) + b"\n"
    rows, errors, (done, failed) = run(data, extractor)
    assert [r["id"] for r in rows] == ["a", None, None, "b", None]
    assert [r.get("blank") for r in rows] == [None, True, True, None, True]
    assert [r.get("line") for r in rows] == [None, 2, 3, None, 5]
    assert errors == [] and (done, failed) == (2, 0)


def test_a_bom_after_line_one_is_an_error_not_silently_dropped(extractor):
    rows, errors, _ = run(line(id="a", text="x") + b"\xef\xbb\xbf" + line(id="b", text="y"), extractor)
    assert "BOM" in rows[1]["error"] and [number for number, _ in errors] == [2]


def test_the_last_line_needs_no_newline_and_crlf_ends_are_read(extractor):
    data = line(id="a", text=CILEGON).replace(b"\n", b"\r\n") + json.dumps({"id": "b", "text": DINSOS}).encode()
    rows, errors, _ = run(data, extractor)
    assert [r["id"] for r in rows] == ["a", "b"] and errors == []
    assert rows[1]["evaluations"]


def test_an_over_long_line_is_skipped_without_being_held(extractor, monkeypatch):
    import rapor.pipeline.contract as contract
    monkeypatch.setattr(contract, "MAX_LINE_BYTES", 1000)
    data = line(id="a", text=CILEGON) + b'{"id": "huge", "text": "' + b"x" * 5000 + b'"}\n' + line(id="c", text=DINSOS)
    rows, errors, _ = run(data, extractor)
    assert [r["id"] for r in rows] == ["a", None, "c"] and "longer than 1000 bytes" in rows[1]["error"]
    assert MAX_LINE_BYTES >= 16 * 1024 * 1024  # real articles (200,000-character ones too) are far below it


def test_the_cli_reads_binary_garbage_between_good_lines(tmp_path):
    """The attack of issue 11: invalid UTF-8 in the middle once killed the run with a traceback and
    no output at all, not even for the valid line before it."""
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + line(id="a", text=CILEGON) + bytes(range(128, 256)) + b"\n"
                       + line(id="b", text="t", title=12) + b"\n" + line(id="c", text=DINSOS))
    out = tmp_path / "out.jsonl"
    result = run_rapor("extract", "--input", str(source), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "b", None, "c"]
    assert [bool(r["evaluations"]) for r in rows] == [True, False, False, False, True]
    assert f"{source}:2:" in result.stderr and f"{source}:3:" in result.stderr
    assert "extracted 2 articles, 2 lines with errors" in result.stderr


def test_the_shared_scorer_reads_an_output_with_error_and_blank_lines(tmp_path, extractor):
    """Error and blank lines must not break `../shared/eval/score.py`, which pairs lines by id."""
    path = shared_path("eval", "score.py")
    spec = importlib.util.spec_from_file_location("rapor_eval_score", path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = scorer.load_jsonl(path.parent / "dev.jsonl")[:5]
    data = b"".join(json.dumps(g).encode() + b"\n" for g in gold)
    clean, _, _ = run(data, extractor)
    noisy, _, _ = run(data.replace(b"\n", b"\n\n", 2) + b"\xff\xff garbage\n", extractor)
    out = tmp_path / "pred.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in noisy))
    assert scorer.evaluate(gold, scorer.load_jsonl(out)) == scorer.evaluate(gold, clean)


def test_an_output_line_is_one_line_to_every_reader(extractor):
    """JSON carries U+2028, U+2029 and NEL raw, and str.splitlines() ends a line at each (fuzz find)."""
    text = "Pemerintah Kota Cilegon\u2028mendapatkan nilai 77,73\u2029untuk penilaian kepatuhan\x85tahun 2021."
    sink = io.StringIO()
    extract_jsonl(io.BytesIO(line(id="a\u2028b", text=text, title="x\x85y")), sink, extractor, lambda n, m: None)
    [out] = sink.getvalue().splitlines()
    row = json.loads(out)
    assert row["id"] == "a\u2028b"
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in row["evaluations"])
