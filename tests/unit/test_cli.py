"""The `rapor` command line: the JSONL contract and clear errors on bad input."""
import json

from tests.conftest import run_rapor


def test_extract_jsonl_keeps_ids_and_order_and_reports_bad_lines(tmp_path):
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "CILEGON – Pemerintah Kota Cilegon mendapatkan nilai 77,73 untuk penilaian kepatuhan "
                            "pelayanan publik tahun 2021 dengan predikat kepatuhan Sedang.", "title": None,
         "url": None, "published": None},
        "this line is not JSON",
        {"id": "b", "text": "Warga berkumpul di alun-alun.", "title": None},
        {"id": "c", "html": "<html><head><title>T</title></head><body><article><p>" + "Kalimat berita biasa. " * 30
                            + "</p></article></body></html>"},
    ]
    source.write_text("\n".join(l if isinstance(l, str) else json.dumps(l) for l in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_rapor("extract", "--input", str(source), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert f"{source}:2:" in result.stderr.replace("\n", "") and "not a valid article line" in result.stderr
    rows = [json.loads(l) for l in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "b", "c"]
    [record] = rows[0]["evaluations"]
    assert record["entity"] == "Pemerintah Kota Cilegon" and record["score"] == 77.73 and record["year"] == 2021
    assert {"entity", "region", "scheme", "score", "scale_max", "predicate", "year", "rank", "quote", "start", "end"} <= set(record)
    assert rows[1]["error"] and rows[2]["evaluations"] == [] and rows[3]["evaluations"] == []


def test_unknown_portal_is_a_one_line_error(tmp_path):
    result = run_rapor("crawl", "no-such-portal", "--db", str(tmp_path / "x.db"))
    assert result.returncode != 0
    assert "unknown portal 'no-such-portal'" in result.stderr and "Traceback" not in result.stderr


def test_missing_input_file_is_a_clear_error(tmp_path):
    result = run_rapor("extract", "--input", str(tmp_path / "absent.jsonl"))
    assert result.returncode != 0 and "absent.jsonl" in result.stderr and "Traceback" not in result.stderr


def test_stats_without_a_database_says_what_to_do(tmp_path):
    result = run_rapor("stats", "--db", str(tmp_path / "none.db"))
    assert result.returncode != 0 and "rapor demo" in result.stderr
