"""Official documents on the sample portal's database: discovered and stored by the real crawl,
read into official values mapped onto the news agencies, checked, and compared with the news;
the commands that show them; a machine without OCR; the report in a real browser."""
import shutil
import sqlite3

import pytest

from rapor import store
from tests.conftest import ARTIFACTS, browser, run_rapor
from tests.unit.test_tables import require_ocr

pytestmark = pytest.mark.integration

# planted in pipeline/sample_portal (articles rs-01, rs-02, wb-04, kb-04, sk-04, kb-03 against reports/*.yaml)
PLANTED_DIFFERENCES = {
    ("transposed_digits", "Pemerintah Kabupaten Pandeglang", 77.73),   # official 77,37
    ("other_period", "Pemerintah Kota Serang", 70.15),                 # the 2021 value, reported for 2023
    ("kota_vs_kabupaten", "Pemerintah Kabupaten Tangerang", 92.10),    # Kota Tangerang's value
    ("predicate_differs", "Pemerintah Kota Cilegon", 62.50),           # "zona hijau" for an official C
    ("predicate_differs", "Pemerintah Kabupaten Serang", None),        # "Informatif" for Cukup Informatif
    ("other", "Pemerintah Kota Cilegon", 7.12),                        # SPBE 3,27 officially
    ("other", "Dinas Kesehatan Kota Serang", 84.80),                   # the SKM table settles the conflict: 86,40
}


def test_documents_are_discovered_in_listings_ckan_and_official_articles(sample_db):
    db = store.open_db(sample_db)
    rows = {r["url"].split("/", 3)[3]: r for r in store.list_documents(db)}
    assert len(rows) == 10
    sources = {path: row["source"] for path, row in rows.items()}
    assert sources["ombudsman/dokumen/hasil-kepatuhan-2021.pdf"] == "document:article"   # only a press release links it
    assert sources["ombudsman/dokumen/lampiran-opini-2023.pdf"] == "document:listing"
    # CKAN answers two packages per page: the third dataset is on the second page
    assert sorted(p for p, s in sources.items() if s == "document:ckan") == [
        "satudata/dataset/hasil-monev-kip-banten-2024.xlsx", "satudata/dataset/ikm-perangkat-daerah-kota-serang-2024.csv",
        "satudata/dataset/indeks-reformasi-birokrasi-banten.html"]
    assert all(len(r["sha256"]) == 64 and r["size"] > 0 for r in rows.values())
    assert {r["extract_status"] for r in rows.values()} == {"ok"}


def test_official_values_join_the_agencies_and_regions_news_records_use(sample_db):
    db = store.open_db(sample_db)
    news = db.execute("select agency_id, region_code from evaluations where entity = 'Pemerintah Kabupaten Pandeglang'").fetchone()
    official = db.execute("select agency_id, region_code from official_values where entity = 'Pemerintah Kabupaten Pandeglang' "
                          "and year = 2023").fetchone()
    assert news == official == (news[0], "36.01")
    unit = db.execute("select region_code, entity_as_written from official_values where entity = 'Dinas Sosial Kabupaten Serang' "
                      "and scheme = 'ombudsman_compliance'").fetchone()
    assert unit == ("36.04", "Dinas Sosial")
    unmapped = db.execute("select entity_as_written, problem from official_values where agency_id is null and problem is not null").fetchall()
    assert unmapped == [("Tasikmalya", "no kabupaten named 'Tasikmalya' in the Kemendagri gazetteer")]


def test_every_official_value_carries_its_provenance(sample_db):
    db = store.open_db(sample_db)
    row = db.execute("select v.page, v.bbox, v.cells, v.document_url, v.document_sha256, v.mapping_version, v.tables_version, "
                     "t.method, d.sha256 from official_values v join document_tables t on t.id = v.table_id "
                     "join documents d on d.id = v.document_id where v.entity = 'Pemerintah Kabupaten Pandeglang' and v.year = 2023").fetchone()
    page, bbox, cells, url, digest, mapping, tables, method, document_digest = row
    assert page == 2 and method == "ruled" and digest == document_digest and mapping and tables
    assert url.endswith("/ombudsman/dokumen/lampiran-opini-2023.pdf") and len(eval(bbox)) == 4
    assert '"77,37"' in cells
    link = db.execute("select document_link from official_value_sources where agency = 'Pemerintah Kabupaten Pandeglang' "
                      "and year = 2023").fetchone()[0]
    assert link.endswith("lampiran-opini-2023.pdf#page=2")


def test_the_scanned_page_was_read_by_ocr(sample_db):
    require_ocr()
    db = store.open_db(sample_db)
    methods = {r[0] for r in db.execute("select t.method from document_tables t join documents d on d.id = t.document_id "
                                        "where d.url like '%pindai%'")}
    assert methods == {"ocr"}
    assert db.execute("select score from official_values where entity = 'Pemerintah Kota Cilegon' and year = 2022").fetchone() == (68.2,)


def test_the_planted_disagreements_are_found_and_the_matches_counted(sample_db):
    db = store.open_db(sample_db)
    rows = store.official_comparisons(db, ("matches_official", "differs_from_official", "no_official_value"))
    found = {(r["difference"], r["entity"], r["score"]) for r in rows if r["kind"] == "differs_from_official"}
    assert found == PLANTED_DIFFERENCES
    matches = {(r["entity"], r["scheme"], r["year"]) for r in rows if r["kind"] == "matches_official"}
    assert {("Pemerintah Kota Cilegon", "ombudsman_compliance", 2021), ("Pemerintah Kabupaten Serang", "ombudsman_compliance", 2023),
            ("Dinas Sosial Kabupaten Serang", "ombudsman_compliance", 2024), ("Pemerintah Kabupaten Serang", "sakip", 2024),
            ("Dinas Kesehatan Kota Serang", "skm", 2024)} <= matches
    pandeglang = next(r for r in rows if r["entity"] == "Pemerintah Kabupaten Pandeglang")
    assert pandeglang["official_score"] == 77.37 and pandeglang["page"] == 2 and pandeglang["url"].startswith("http://127.0.0.1:")


def test_the_rubric_cites_the_bands_the_document_states(sample_db):
    db = store.open_db(sample_db)
    source, confidence = db.execute(
        "select f.rubric_source, f.confidence from audit_findings f join evaluations e on e.id = f.evaluation_id "
        "where f.kind = 'inconsistent' and e.entity = 'Pemerintah Kota Cilegon'").fetchone()
    assert source.endswith("/ombudsman/dokumen/lampiran-opini-2023.pdf#page=3") and confidence.startswith("official")


def test_the_tables_own_checks_become_findings(sample_db):
    findings = {(r["kind"], r["entity"]) for r in store.document_findings(store.open_db(sample_db))}
    assert findings == {("category_off_band", "Pemerintah Kabupaten Bogor"), ("rank_out_of_order", "Pemerintah Kabupaten Klaten")}


def test_documents_commands(sample_db, tmp_path):
    listed = run_rapor("documents", "--db", str(sample_db))
    assert listed.returncode == 0 and "10 official documents" in listed.stdout and "ombudsman-opini" in listed.stdout
    unmapped = run_rapor("documents", "--db", str(sample_db), "unmapped")
    assert "Tasikmalya" in unmapped.stdout and "Kemendagri gazetteer" in unmapped.stdout
    findings = run_rapor("documents", "--db", str(sample_db), "findings")
    assert "category_off_band" in findings.stdout and "rank_out_of_order" in findings.stdout
    stats = run_rapor("documents", "--db", str(sample_db), "stats")
    assert "official_values" in stats.stdout and "menpan-sakip" in stats.stdout
    value = sqlite3.connect(sample_db).execute("select id from official_values where entity = 'Pemerintah Kabupaten Pandeglang' "
                                               "and year = 2023").fetchone()[0]
    crop = tmp_path / "row.png"
    assert run_rapor("documents", "--db", str(sample_db), "crop", str(value), "-o", str(crop)).returncode == 0
    assert crop.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    audit = run_rapor("audit", "--db", str(sample_db))
    assert audit.returncode == 0 and "News against the official tables" in audit.stdout
    assert "transposed_digits" in audit.stdout and "news values match the official tables, 7 differ" in audit.stdout


def test_without_ocr_the_scan_is_reported_not_a_crash(sample_db, tmp_path):
    copy = tmp_path / "no-ocr.db"
    shutil.copy(sample_db, copy)
    result = run_rapor("extract", "--db", str(copy), "--force", env={"PATH": str(tmp_path)})   # no ocrmypdf on PATH
    assert result.returncode == 0, result.stderr[-2000:]
    assert "needs OCR: install ocrmypdf tesseract-ocr-ind" in result.stderr and "Traceback" not in result.stderr
    statuses = dict(sqlite3.connect(copy).execute("select substr(url, instr(url, 'dokumen/') + 8), extract_status from documents "
                                                  "where url like '%/dokumen/%'").fetchall())
    assert statuses == {"lampiran-opini-2023.pdf": "ok", "hasil-kepatuhan-2021.pdf": "ok", "hasil-opini-2022-pindai.pdf": "needs_ocr"}


def test_the_report_shows_news_beside_the_official_rows(sample_db, tmp_path):
    out = tmp_path / "report.html"
    assert run_rapor("report", "--db", str(sample_db), "-o", str(out)).returncode == 0
    dom = browser(out.as_uri(), screenshot=ARTIFACTS / "report-official.png", size="1280,3600")
    assert "News against the official tables" in dom and '<strong id="official-differs">7</strong>' in dom
    assert dom.count("data:image/png;base64") >= 4 and "lampiran-opini-2023.pdf#page=2" in dom
