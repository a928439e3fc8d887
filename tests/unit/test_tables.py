"""Official documents → tables → official values: every generated sample document read against
the truth its generator wrote, number formats, and bad documents that must fail clearly."""
import io
import json

import pytest

from rapor import config
from rapor.config.reports import load_families
from rapor.extract.official import NumberError, choose_family, map_document, parse_number
from rapor.extract.official_names import NameIndex
from rapor.extract.tables import TableError, read_document, sniff_format
from rapor.extract.tables.ocr import unavailable_reason
from rapor.pipeline.sample_portal.official_sites import load_specs, write_reports

FAMILIES = load_families()


@pytest.fixture(scope="module")
def names(rules):
    return NameIndex.from_rules(rules)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    return {path.name: path for path in write_reports(folder)}


def require_ocr():
    """The scanned page needs ocrmypdf; CI installs it (.ci/run), elsewhere the test says how."""
    import os
    reason = unavailable_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: .ci/run should have installed it")
        pytest.skip(reason)


def read_with_family(path, title):
    read = read_document(path.read_bytes(), url=str(path))
    family = choose_family(str(path), f"{title}\n{read.text}", FAMILIES)
    if family and family.layout == "template":
        read = read_document(path.read_bytes(), url=str(path), template=family.template)
    return read, family


def cells_of(value):
    return (value.entity_as_written, value.entity, value.score, value.category, value.rank, value.year)


def truth_cells(row):
    return (row["entity_as_written"], row["entity"], row["score"], row["category"], row["rank"], row["year"])


TEXT_SPECS = [s for s in load_specs() if s.data.get("layout") != "scan"]


@pytest.mark.parametrize("spec", TEXT_SPECS, ids=[s.name for s in TEXT_SPECS])
def test_every_cell_of_a_text_document_is_read_right(spec, reports, names):
    path = reports[spec.path.rsplit("/", 1)[1]]
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    read, family = read_with_family(path, spec.data["title"])
    assert family is not None, "no family matched"
    mapped = map_document(read, family, names, url=str(path), title=spec.data["title"])
    assert [cells_of(v) for v in mapped.values] == [truth_cells(r) for r in truth["rows"]]
    unmapped = {v.entity_as_written for v in mapped.values if v.problem}
    assert unmapped == {r["entity_as_written"] for r in truth["rows"] if r["entity"] is None}
    assert mapped.totals == truth["totals"]
    assert len(mapped.bands) == sum(1 for line in truth["legend"] if ":" in line and "–" in line)


def test_the_scanned_page_is_read_by_ocr(reports, names):
    require_ocr()
    spec = next(s for s in load_specs() if s.data.get("layout") == "scan")
    path = reports[spec.path.rsplit("/", 1)[1]]
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    read, family = read_with_family(path, spec.data["title"])
    assert read.ocr_pages == (1,) and [t.method for t in read.tables] == ["ocr"]
    mapped = map_document(read, family, names, title=spec.data["title"])
    expected = {r["entity"]: r for r in truth["rows"]}
    got = {v.entity: v for v in mapped.values}
    values_right = sum(1 for entity, row in expected.items() if entity in got and got[entity].score == row["score"])
    assert values_right / len(expected) >= 0.98, f"{values_right} of {len(expected)} values read right"
    categories_right = sum(1 for e, r in expected.items() if e in got and got[e].category == r["category"])
    assert categories_right / len(expected) >= 0.98


def test_a_table_without_rules_needs_its_template(reports, names):
    """The SAKIP annex prints the predikat 4 pt after the nilai: inferred columns merge them, the
    family's template cuts them, and nothing is silently guessed in between."""
    spec = next(s for s in load_specs() if s.data.get("layout") == "template")
    path = reports[spec.path.rsplit("/", 1)[1]]
    inferred = map_document(read_document(path.read_bytes()), FAMILIES["menpan-sakip"], names)
    assert inferred.values == () and "no header row names an entity and a score column" in inferred.problems[0]
    read, family = read_with_family(path, spec.data["title"])
    templated = map_document(read, family, names)
    assert [v.score for v in templated.values] == [r["score"] for r in json.loads(
        path.with_name(path.name + ".truth.json").read_text())["rows"]] and not any(v.problem for v in templated.values)


@pytest.mark.parametrize("text, value", [
    ("77,73", 77.73), ("1.234,5", 1234.5), ("1.234", 1234.0), ("93.47", 93.47), ("4,35", 4.35), ("100", 100.0),
    ("-", None), ("—", None), ("", None), (" 88,00 ", 88.0),
])
def test_indonesian_number_formats(text, value):
    assert parse_number(text, FAMILIES["ombudsman-opini"])[0] == value


@pytest.mark.parametrize("text", ["sembilan", "1,2,3", "1.23,4.5", "=B5*2"])
def test_what_is_not_a_number_says_so(text):
    with pytest.raises(NumberError, match="not a number|separator"):
        parse_number(text, FAMILIES["ombudsman-opini"])


def test_ocr_repairs_are_noted():
    family = FAMILIES["ombudsman-opini"]
    assert parse_number("6148", family, ocr=True, scale_max=100) == (61.48, "OCR lost the decimal separator in '6148', read as 61.48")
    value, note = parse_number("7O,15", family, ocr=True, scale_max=100)
    assert value == 70.15 and "OCR read" in note
    assert parse_number("6148", family, scale_max=100)[0] == 6148.0   # a text PDF is never "repaired"


@pytest.mark.parametrize("written, level, expected", [
    ("Serang", "kabupaten", "Pemerintah Kabupaten Serang"),
    ("Serang", "kota", "Pemerintah Kota Serang"),
    ("Kab. Serang", None, "Pemerintah Kabupaten Serang"),
    ("KotaSerang", None, "Pemerintah Kota Serang"),            # OCR lost the space
    ("Pemerintah Provinsi Banten", None, "Pemerintah Provinsi Banten"),
    ("Tangerang Selatan", "kota", "Pemerintah Kota Tangerang Selatan"),
    ("Kementerian Sosial", "kementerian", "Kementerian Sosial"),
    ("Dinsos", "unit", "Dinas Sosial Kabupaten Serang"),
    ("UPT Puskesmas Pontang", "unit", "UPT Puskesmas Pontang Kabupaten Serang"),
])
def test_names_map_onto_the_agencies_news_records_use(names, written, level, expected):
    region = names.region_named("Serang", "kabupaten")
    assert names.canonical(written, level, region).entity == expected


@pytest.mark.parametrize("written, level, why", [
    ("Serang", None, "does not say what kind"),       # Kota or Kabupaten?
    ("Tasikmalya", "kabupaten", "no kabupaten named 'Tasikmalya'"),
])
def test_names_that_cannot_be_mapped_say_why(names, written, level, why):
    mapped = names.canonical(written, level)
    assert mapped.entity is None and why in mapped.problem


# ---------------------------------------------------------------------------------------------
# Bad documents: a clear error, nothing lost

def _pdf(pages: int = 1, text: str = "Hasil", **canvas_options) -> bytes:
    from reportlab.pdfgen import canvas
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, **canvas_options)
    for number in range(pages):
        page.drawString(72, 720, f"{text} {number + 1}")
        page.showPage()
    page.save()
    return buffer.getvalue()


def test_an_encrypted_pdf_is_refused_with_what_to_do():
    from reportlab.lib import pdfencrypt
    locked = _pdf(encrypt=pdfencrypt.StandardEncryption("rahasia", canPrint=0))
    with pytest.raises(TableError, match="encrypted with a password") as caught:
        read_document(locked)
    assert caught.value.kind == "encrypted"


@pytest.mark.parametrize("content", [_pdf()[:400], b"%PDF-1.4\n" + b"\x00garbage" * 50])
def test_a_corrupt_pdf_is_refused(content):
    with pytest.raises(TableError) as caught:
        read_document(content)
    assert caught.value.kind == "corrupt" and "stored bytes are kept" in str(caught.value)


def test_a_500_page_pdf_is_refused_before_reading_it():
    with pytest.raises(TableError, match="500 pages, more than the 300") as caught:
        read_document(_pdf(500))
    assert caught.value.kind == "too_many_pages"


def test_a_table_with_no_recognisable_header_is_reported(names):
    read = read_document(b"Wilayah;Angka\nSerang;77,73\nLebak;80,10\n", url="x.csv")
    mapped = map_document(read, FAMILIES["skm-unit"], names)
    assert mapped.values == () and "no header row names an entity and a score column" in mapped.problems[0]


def test_a_spreadsheet_formula_without_a_saved_value_is_kept_and_named(names):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Hasil Monitoring dan Evaluasi Keterbukaan Informasi Publik Tahun 2024"], ["No", "Badan Publik", "Nilai", "Kualifikasi"],
                [1, "Pemerintah Kota Serang", 82.61, "Menuju Informatif"], [2, "Pemerintah Kabupaten Serang", "=C3-4,21", "Cukup Informatif"]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    mapped = map_document(read_document(buffer.getvalue()), FAMILIES["kip-monev"], names)
    kept = {v.entity: v for v in mapped.values}
    assert kept["Pemerintah Kota Serang"].score == 82.61 and kept["Pemerintah Kota Serang"].problem is None
    formula = kept["Pemerintah Kabupaten Serang"]
    assert formula.score is None and "Sheet!C4 holds the formula =C3-4,21 with no saved value" in formula.problem


def test_an_html_page_with_no_table_is_refused():
    with pytest.raises(TableError, match="no <table> in the page"):
        read_document(b"<!DOCTYPE html><html><body><p>Hasil penilaian akan diumumkan.</p></body></html>")


def test_an_unknown_format_is_refused():
    with pytest.raises(TableError, match="not a PDF, XLSX, CSV or HTML"):
        sniff_format(b"\x89PNG\r\n\x1a\n....", "hasil.png", "image/png")


def test_family_files_are_validated_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nname: B\nscheme: nope\nscale_max: 100\nmatch: {text: [x]}\ncolumns: {entity: [a], score: [b]}\n")
    with pytest.raises(config.ConfigError, match=r"bad.yaml:3: unknown scheme 'nope'"):
        load_families(tmp_path)
