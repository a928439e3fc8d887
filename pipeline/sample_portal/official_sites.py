"""The sample portal's official sites, and the result documents they publish, generated here.

Three sites beside the sample news portals, on the same loopback server:

- `ombudsman`: an Ombudsman-like site: a publications page linking PDF annexes and an HTML
  results page, and press releases (articles) whose bodies link a report file;
- `menpan`: a KemenPANRB-like JDIH listing of decree annexes (PDF) and a workbook (XLSX);
- `satudata`: a CKAN-like Satu Data portal: `api/3/action/package_search` returning packages
  whose resources are a CSV, an XLSX and an HTML table.

Every document is generated from a spec in `reports/*.yaml` (figures invented for Rapor) by
reportlab, openpyxl, the csv module or plain HTML: a ruled multi-page table with merged header
cells and group rows, an unruled one, one that needs a column template, a landscape annex, an
image-only scanned page, workbooks, a CSV and HTML tables, in Indonesian number formats. Each
generator writes its truth next to the document (`<path>.truth.json`): what a reader must find.
Nothing generated is committed; `write_reports(folder)` writes them all with their truths.
"""
from __future__ import annotations

import csv
import functools
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

SPECS_DIR = Path(__file__).resolve().parent / "reports"
SITES = {
    "ombudsman": "Ombudsman RI (contoh)",
    "menpan": "KemenPANRB JDIH (contoh)",
    "satudata": "Satu Data Banten (contoh)",
}
CONTENT_TYPES = {
    "pdf": "application/pdf", "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DISCLAIMER = "Dokumen contoh buatan Rapor untuk pengujian (nilai rekaan), bukan dokumen resmi."
LEVEL_WORDS = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}
LABEL_FIELDS = ("category", "label", "zone")


@dataclass(frozen=True)
class Spec:
    name: str
    data: dict

    @property
    def site(self) -> str:
        return self.data["site"]

    @property
    def path(self) -> str:
        return f"/{self.site}/{self.data['path']}"

    @property
    def format(self) -> str:
        return self.data["format"]


@functools.lru_cache(maxsize=None)
def load_specs(directory: Path = SPECS_DIR) -> tuple[Spec, ...]:
    return tuple(Spec(p.stem, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted(directory.glob("*.yaml")))


# ---------------------------------------------------------------------------------------------
# Cells as printed, and the truth about them

def printed(value) -> str:
    """How a value is printed: scores with a decimal comma and two decimals, "-" for missing."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def body_rows(spec: Spec) -> list[tuple[str | None, list, dict]]:
    """(group heading, None, {}) or (None, values as the spec gives them, truth) for every row, in
    print order; the row number of a `number` column is counted here."""
    fields = spec.data["fields"]
    out, number = [], 0
    for group in spec.data["groups"]:
        if group.get("heading"):
            out.append((group["heading"], None, {}))
        level = group.get("level") or spec.data.get("level")
        for raw in group["rows"]:
            overrides = raw[-1] if isinstance(raw[-1], dict) else {}
            values = list(raw[:-1] if overrides else raw)
            number += 1
            if "number" in fields:
                values.insert(fields.index("number"), number)
            by_field = {f: v for f, v in zip(fields, values) if f not in ("number", "skip")}
            out.append((None, values, truth_of(spec, by_field, level, overrides)))
    return out


def printed_cells(values: list) -> list[str]:
    return [printed(v) for v in values]


def truth_of(spec: Spec, by_field: dict, level: str | None, overrides: dict) -> dict:
    name = by_field["entity"]
    score = by_field.get("score")
    if isinstance(score, str):
        score = float(score.replace(".", "").replace(",", ".")) if score not in ("-", "") else None
    labels = []
    for field in LABEL_FIELDS:
        text = str(by_field.get(field) or "").strip().lower()
        if text and text != "-":
            text = f"zona {text}" if field == "zone" else text
            if text not in labels:
                labels.append(text)
    if "entity" in overrides:
        entity = overrides["entity"]
    elif level == "unit":
        entity = f"{name} {spec.data['region']}"
    elif level in ("kementerian", "lembaga"):
        entity = name
    elif name.startswith("Pemerintah "):
        entity = name
    elif name.split()[0] in LEVEL_WORDS.values():
        entity = f"Pemerintah {name}"
    else:
        entity = f"Pemerintah {LEVEL_WORDS[level]} {name}"
    return {"entity_as_written": name, "entity": entity, "score": score, "category": ", ".join(labels),
            "rank": by_field.get("rank"), "year": by_field.get("year") or spec.data.get("year")}


def truth(spec: Spec) -> dict:
    rows = [t for heading, _, t in body_rows(spec) if heading is None]
    counts: dict[str, int] = {}
    if spec.data.get("totals") == "zone":
        for row in rows:
            zone = next((l for l in row["category"].split(", ") if l.startswith("zona ")), None)
            if zone:
                counts[zone] = counts.get(zone, 0) + 1
    return {"document": spec.path, "format": spec.format, "layout": spec.data.get("layout", spec.format),
            "rows": rows, "totals": counts, "legend": spec.data.get("legend", []),
            "expect_findings": spec.data.get("expect_findings", []),
            "generated_by": "rapor.pipeline.sample_portal.official_sites", "note": DISCLAIMER}


def _totals_lines(spec: Spec) -> list[str]:
    return [f"Jumlah instansi {zone}: {n}" for zone, n in truth(spec)["totals"].items()]


# ---------------------------------------------------------------------------------------------
# PDF (reportlab)

def _header_cells(spec: Spec) -> tuple[list[list[str]], list[tuple]]:
    """Header rows expanded to full width, and the SPAN commands of their merged cells."""
    rows, spans = [], []
    for r, header in enumerate(spec.data["header"]):
        row, c = [], 0
        for cell in header:
            text, span = (cell["text"], cell.get("span", 1)) if isinstance(cell, dict) else (cell, 1)
            row += [text] + [""] * (span - 1)
            if span > 1:
                spans.append(("SPAN", (c, r), (c + span - 1, r)))
            c += span
        rows.append(row)
    if len(rows) == 2:   # a column titled only above spans both header rows
        for c, (upper, lower) in enumerate(zip(rows[0], rows[1])):
            if upper and not lower:
                spans.append(("SPAN", (c, 0), (c, 1)))
    return rows, spans


def render_ruled_pdf(spec: Spec) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    size = landscape(A4) if spec.data.get("orientation") == "landscape" else A4
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=size, title=spec.data["title"], topMargin=40, bottomMargin=40)
    header, spans = _header_cells(spec)
    width = len(header[0])
    data = [list(row) for row in header]
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
             ("FONTNAME", (0, 0), (-1, len(header) - 1), "Helvetica-Bold"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             *spans]
    for heading, values, _ in body_rows(spec):
        if heading:
            style += [("SPAN", (0, len(data)), (-1, len(data))), ("FONTNAME", (0, len(data)), (-1, len(data)), "Helvetica-Bold")]
            data.append([heading] + [""] * (width - 1))
        else:
            data.append(printed_cells(values))
    table = Table(data, repeatRows=len(header))
    table.setStyle(TableStyle(style))
    story = [Paragraph(line, styles["Heading4"]) for line in spec.data.get("heading", [])]
    story += [Paragraph(DISCLAIMER, styles["Italic"]), Spacer(1, 8), table, Spacer(1, 10)]
    story += [Paragraph(line, styles["Normal"]) for line in spec.data.get("legend", []) + _totals_lines(spec)]
    document.build(story)
    return buffer.getvalue()


# Column positions (points) of the PDFs typeset without rules: (x, alignment) per column.
UNRULED_COLUMNS = {"unruled": [(62, "right"), (80, "left"), (330, "right"), (370, "left"), (440, "left")],
                   # the SAKIP annex: the predikat starts 4 pt after the nilai ends, closer than a
                   # column gap; menpan-sakip.yaml's template (0.16, 0.60, 0.716 of 595 pt) cuts it
                   "template": [(70, "right"), (100, "left"), (424, "right"), (428, "left")],
                   "scan": [(62, "right"), (80, "left"), (330, "right"), (370, "left"), (500, "right")]}


def render_unruled_pdf(spec: Spec, layout: str, font_size: float = 10) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setTitle(spec.data["title"])
    y = A4[1] - 60
    for line in spec.data.get("heading", []):
        page.setFont("Helvetica-Bold", 11)
        page.drawCentredString(A4[0] / 2, y, line)
        y -= 16
    page.setFont("Helvetica-Oblique", 8)
    page.drawCentredString(A4[0] / 2, y, DISCLAIMER)
    y -= 28
    columns = UNRULED_COLUMNS[layout]

    def draw(cells, bold=False):
        page.setFont("Helvetica-Bold" if bold else "Helvetica", font_size)
        for (x, align), text in zip(columns, cells):
            (page.drawRightString if align == "right" else page.drawString)(x, y, text)

    for header in spec.data["header"]:
        draw(header, bold=True)
        y -= font_size * 1.8
    for heading, values, _ in body_rows(spec):
        if heading:
            draw(["", heading], bold=True)
        else:
            draw(printed_cells(values))
        y -= font_size * 1.7
    y -= 10
    page.setFont("Helvetica", 9)
    for line in spec.data.get("legend", []):
        page.drawString(80, y, line)
        y -= 13
    page.showPage()
    page.save()
    return buffer.getvalue()


def render_scanned_pdf(spec: Spec, dpi: int = 300) -> bytes:
    """The unruled page printed, 'scanned' (rasterised, a slight skew and blur) and put back into
    a PDF as an image only: no text layer, as many signed decrees are published."""
    import pypdfium2
    from PIL import ImageFilter
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page = pypdfium2.PdfDocument(render_unruled_pdf(spec, "scan", font_size=11))[0]
    image = page.render(scale=dpi / 72).to_pil().convert("L")
    image = image.rotate(0.3, fillcolor=255).filter(ImageFilter.GaussianBlur(0.5))
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    sheet.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    sheet.showPage()
    sheet.save()
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# XLSX, CSV, HTML

def render_xlsx(spec: Spec) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Hasil"
    for line in spec.data.get("heading", []):
        sheet.append([line])
    sheet.append([DISCLAIMER])
    sheet.append([])
    header, spans = _header_cells(spec)
    for row in header:
        sheet.append(row)
    first = sheet.max_row - len(header) + 1
    for _, (c0, r0), (c1, r1) in spans:
        sheet.merge_cells(start_row=first + r0, start_column=c0 + 1, end_row=first + r1, end_column=c1 + 1)
    for heading, values, _ in body_rows(spec):
        if heading:
            sheet.append([heading])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=len(header[0]))
        else:
            # numbers as number cells, as most workbooks hold them; a score the spec gives as
            # text ('4,12') is typed in as text, as also happens
            sheet.append(["-" if v is None else v for v in values])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def render_csv(spec: Spec) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for header in spec.data["header"]:
        writer.writerow(header)
    for _, values, _ in body_rows(spec):
        writer.writerow(printed_cells(values))
    return buffer.getvalue().encode("utf-8")


def _html_cell(tag: str, cell) -> str:
    if isinstance(cell, dict):
        attributes = (f' colspan="{cell["span"]}"' if cell.get("span") else "") + \
                     (f' rowspan="{cell["rowspan"]}"' if cell.get("rowspan") else "")
        return f"<{tag}{attributes}>{html.escape(cell['text'])}</{tag}>"
    return f"<{tag}>{html.escape(str(cell))}</{tag}>"


def render_html(spec: Spec) -> bytes:
    head = "".join(f"<tr>{''.join(_html_cell('th', c) for c in row)}</tr>" for row in spec.data["header"])
    width = len(spec.data["fields"])
    body = "".join(f'<tr><td colspan="{width}"><b>{html.escape(h)}</b></td></tr>' if h else
                   f"<tr>{''.join(_html_cell('td', c) for c in printed_cells(values))}</tr>"
                   for h, values, _ in body_rows(spec))
    title = html.escape(spec.data["title"])
    headings = "".join(f"<h1>{html.escape(line)}</h1>" for line in spec.data.get("heading", []))
    page = (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<nav><a href="/{spec.site}/">Beranda</a></nav>{headings}<p><i>{html.escape(DISCLAIMER)}</i></p>'
            f'<table class="hasil" border="1"><thead>{head}</thead><tbody>{body}</tbody></table></body></html>')
    return page.encode("utf-8")


def render(spec: Spec) -> bytes:
    layout = spec.data.get("layout")
    if spec.format == "pdf":
        if layout == "ruled":
            return render_ruled_pdf(spec)
        if layout == "scan":
            return render_scanned_pdf(spec)
        return render_unruled_pdf(spec, layout)
    return {"xlsx": render_xlsx, "csv": render_csv, "html": render_html}[spec.format](spec)


@functools.lru_cache(maxsize=None)
def document(path: str) -> tuple[bytes, str] | None:
    """(bytes, content type) of the generated document at a path, or its truth file."""
    for spec in load_specs():
        if path == spec.path:
            return render(spec), CONTENT_TYPES[spec.format]
        if path == spec.path + ".truth.json":
            return json.dumps(truth(spec), ensure_ascii=False, indent=1).encode("utf-8"), "application/json"
    return None


def write_reports(folder: Path) -> list[Path]:
    """Every generated document and its truth file, under `folder` (tests and the benchmark)."""
    written = []
    for spec in load_specs():
        target = folder / spec.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render(spec))
        target.with_name(target.name + ".truth.json").write_text(json.dumps(truth(spec), ensure_ascii=False, indent=1),
                                                                 encoding="utf-8")
        written.append(target)
    return written


# ---------------------------------------------------------------------------------------------
# The sites' pages

PRESS_RELEASES = [
    (1, "ombudsman-tetapkan-hasil-penilaian-kepatuhan-2021",
     "Ombudsman Tetapkan Hasil Penilaian Kepatuhan Standar Pelayanan Publik 2021",
     "JAKARTA – Ombudsman RI menetapkan hasil Penilaian Kepatuhan Standar Pelayanan Publik tahun 2021 "
     "bagi pemerintah daerah. Penilaian dilakukan terhadap pemenuhan komponen standar pelayanan di unit layanan "
     "yang dipilih secara acak oleh tim penilai.",
     "Daftar lengkap hasil penilaian dapat diunduh pada lampiran berikut.", "dokumen/hasil-kepatuhan-2021.pdf"),
]


def _page(site: str, title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)} - '
            f'{html.escape(SITES[site])}</title></head><body><header><a href="/{site}/">{html.escape(SITES[site])}</a>'
            f'</header><main>{body}</main><footer><p>{html.escape(DISCLAIMER)}</p></footer></body></html>')


def _links(specs) -> str:
    return "<ul>" + "".join(f'<li><a href="{s.path}">{html.escape(s.data["title"])}</a></li>' for s in specs) + "</ul>"


def _ckan_search(query: dict, origin: str) -> str:
    """CKAN's package_search: one package per Satu Data dataset, `rows` per page from `start`."""
    specs = [s for s in load_specs() if s.site == "satudata"]
    words = (query.get("q", [""])[0] or "").lower().split()
    found = [s for s in specs if all(w in s.data["title"].lower() for w in words)] if words else specs
    rows = int(query.get("rows", ["10"])[0] or 10)
    start = int(query.get("start", ["0"])[0] or 0)
    results = [{"name": s.name, "title": s.data["title"], "organization": {"title": "Pemerintah Provinsi Banten"},
                "resources": [{"name": s.data["title"], "format": s.format.upper(), "url": origin + s.path}]}
               for s in found[start:start + rows]]
    return json.dumps({"success": True, "result": {"count": len(found), "results": results}}, ensure_ascii=False)


def route(path: str, query: dict, origin: str) -> tuple[int, str, str | bytes] | None:
    """(status, content type, body) for a path of an official sample site, or None."""
    parts = [p for p in path.split("/") if p]
    if not parts or parts[0] not in SITES:
        return None
    site, rest = parts[0], parts[1:]
    found = document(path)
    if found:
        return 200, found[1], found[0]
    specs = [s for s in load_specs() if s.site == site]
    html_type = "text/html; charset=utf-8"
    if site == "ombudsman":
        listed = [s for s in specs if "kepatuhan-2021" not in s.path]   # that one only a press release links
        if rest == []:
            return 200, html_type, _page(site, "Beranda", '<a href="/ombudsman/publikasi/">Publikasi</a> '
                                                          '<a href="/ombudsman/berita/">Siaran Pers</a>')
        if rest == ["publikasi"]:
            return 200, html_type, _page(site, "Publikasi", "<h1>Publikasi Hasil Penilaian</h1>" + _links(listed))
        if rest == ["berita"]:
            items = "".join(f'<li><a href="/ombudsman/berita/{n}/{slug}">{html.escape(t)}</a></li>'
                            for n, slug, t, *_ in PRESS_RELEASES)
            return 200, html_type, _page(site, "Siaran Pers", f"<h1>Siaran Pers</h1><ul>{items}</ul>")
        for number, slug, title, lead, tail, linked in PRESS_RELEASES:
            if rest == ["berita", str(number), slug]:
                body = (f"<article><h1>{html.escape(title)}</h1><time datetime='2022-02-10'>10 Februari 2022</time>"
                        f"<p>{html.escape(lead)}</p><p>{html.escape(tail)} "
                        f'<a href="/ombudsman/{linked}">Lampiran hasil penilaian kepatuhan 2021 (PDF)</a></p></article>')
                return 200, html_type, _page(site, title, body)
    if site == "menpan" and rest == ["jdih"]:
        return 200, html_type, _page(site, "JDIH", "<h1>Produk Hukum</h1>" + _links(specs))
    if site == "satudata" and rest[:4] == ["api", "3", "action", "package_search"]:
        return 200, "application/json", _ckan_search(query, origin)
    return None

