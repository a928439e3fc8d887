"""An official document's tables → official values, read with its document family.

1. Family: the first whose URL pattern matches, else the one whose phrase appears earliest in
   the document's title and first pages (`choose_family`).
2. Year and region: the family's year patterns over the title and text; for a report on one
   pemda's units, the first gazetteer region its title or first page names.
3. Per table: the header row (or two, under merged cells) found by the family's header words;
   a table without one continues the previous table (a page break), a repeated header is
   skipped, a group heading ("PEMERINTAH KABUPATEN") sets the entity level of the rows below.
4. Per row: the entity mapped onto a canonical agency and region (`official_names`), the score
   read in the family's number format ("77,73", "1.234,5", "-" is not assessed), category labels
   (kategori, opini or kinerja, zona), rank, and the cells it came from. A row that cannot be mapped or
   read is kept with its `problem`, never dropped.
5. What the document states about itself: band legends and totals per category, for the checks.

Pure: no I/O. Values that OCR misread in a recognisable way (a lost decimal comma, "O" for "0")
are repaired and say so in their notes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapor.config.reports import Family, normalise_header
from rapor.extract.official_names import NameIndex
from rapor.extract.tables import Cell, DocumentRead, Table

CATEGORY_FIELDS = ("category", "label", "zone")
OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5", "s": "5"})
ENUMERATOR = re.compile(r"^\s*(?:[IVX]+|[A-Z]|\d+)[.)]\s+")


@dataclass(frozen=True)
class OfficialValue:
    family: str
    scheme: str
    year: int | None
    entity_as_written: str
    entity: str | None            # canonical, as news records name it; None when unmapped
    region: str | None            # gazetteer name ("Kabupaten Serang")
    region_code: str | None
    level: str | None
    score: float | None
    scale_max: float
    category: str                 # labels, lowercase, ", "-joined: "a, kualitas tertinggi, zona hijau"
    rank: int | None
    table_index: int
    row_index: int                # the row within its table
    page: int | None
    bbox: tuple[float, ...] | None   # the row's box on its page (PDF points, from the top left)
    cells: dict = field(default_factory=dict)   # field → {"text", "bbox", "ref"}: where each value was read
    problem: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def labels(self) -> list[str]:
        return [label for label in self.category.split(", ") if label]


@dataclass(frozen=True)
class StatedBand:
    labels: tuple[str, ...]
    lower: float
    upper: float
    page: int | None


@dataclass(frozen=True)
class MappedDocument:
    family: Family
    year: int | None
    region: object | None
    values: tuple[OfficialValue, ...]
    bands: tuple[StatedBand, ...]
    totals: dict                   # stated count per label ("zona hijau" → 52)
    headers: dict                  # table index → {column: field}
    problems: tuple[str, ...] = ()


class NumberError(ValueError):
    pass


# ---------------------------------------------------------------------------------------------
# 1–2. family, year, region

def choose_family(url: str, text: str, families: dict[str, Family]) -> Family | None:
    by_url = [f for f in families.values() if f.matches(url, "") == "url"]
    if by_url:
        return by_url[0]
    head = normalise_header(text[:4000])
    placed = [(min(head.find(p) for p in f.text_phrases if p in head), f.id) for f in families.values()
              if any(p in head for p in f.text_phrases)]
    return families[min(placed)[1]] if placed else None


def document_year(family: Family, text: str) -> int | None:
    head = normalise_header(text[:6000])
    for pattern in family.year_patterns:
        found = pattern.search(head)
        if found:
            return int(found[1])
    return None


# ---------------------------------------------------------------------------------------------
# numbers

def parse_number(text: str, family: Family, *, ocr: bool = False, scale_max: float | None = None) -> tuple[float | None, str | None]:
    """(value, note) for a printed number; (None, None) for a missing mark; NumberError otherwise.

    With the family's separators: "77,73" → 77.73, "1.234,5" → 1234.5. A lone separator of the
    other kind is a decimal one unless three digits follow it ("93.47" in a decimal-comma table
    is 93.47, as regional offices mix styles; "1.234" is 1234).
    """
    raw = text
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if normalise_header(value) in family.missing:
        return None, None
    note = None
    if ocr:
        repaired = value.translate(OCR_DIGITS)
        if repaired != value and re.fullmatch(r"[\d.,]+", repaired):
            note = f"OCR read {raw!r}, taken as {repaired!r}"
            value = repaired
    value = value.rstrip("%")
    if not re.fullmatch(r"-?\d[\d.,]*", value):
        raise NumberError(f"{raw!r} is not a number")
    decimal, thousands = family.decimal, family.thousands
    if decimal in value and thousands in value:
        if value.rfind(decimal) < value.rfind(thousands):
            raise NumberError(f"{raw!r} puts the thousands separator after the decimal one")
        value = value.replace(thousands, "").replace(decimal, ".")
    elif thousands in value:
        if re.fullmatch(r"-?\d{1,3}(?:" + re.escape(thousands) + r"\d{3})+", value):
            value = value.replace(thousands, "")
        elif value.count(thousands) == 1:
            value = value.replace(thousands, ".")
        else:
            raise NumberError(f"{raw!r} is not a number")
    else:
        if value.count(decimal) > 1:
            raise NumberError(f"{raw!r} has more than one decimal separator")
        value = value.replace(decimal, ".")
    number = float(value)
    if ocr and scale_max and number > scale_max and "." not in value and len(value) > family.decimals:
        number = number / 10 ** family.decimals
        note = f"OCR lost the decimal separator in {raw!r}, read as {number:.{family.decimals}f}"
    return number, note


def parse_rank(text: str) -> int | None:
    found = re.match(r"\s*(\d+)", text.translate(OCR_DIGITS))
    return int(found[1]) if found else None


# ---------------------------------------------------------------------------------------------
# 3. headers, groups

def header_fields(row: tuple[Cell, ...], family: Family) -> dict[int, str]:
    found: dict[int, str] = {}
    for column, cell in enumerate(row):
        text = normalise_header(cell.text)
        for name, synonyms in family.columns.items():
            if text in synonyms and name not in found.values():
                found[column] = name
                break
    return found


def _is_header(fields: dict[int, str]) -> bool:
    named = set(fields.values())
    return "entity" in named and bool(named & {"score", "category"})


def find_header(rows: tuple[tuple[Cell, ...], ...], family: Family, limit: int = 8) -> tuple[dict[int, str], int] | None:
    """({column: field}, index of the first data row), looking at the first `limit` rows; two
    header rows (a merged "Hasil Penilaian" over "Nilai | Kategori") are read as one."""
    for index in range(min(limit, len(rows))):
        upper = header_fields(rows[index], family)
        if not upper:
            continue
        lower = header_fields(rows[index + 1], family) if index + 1 < len(rows) else {}
        combined = {**upper, **lower}
        if lower and _is_header(combined) and len(set(combined.values())) == len(combined):
            return combined, index + 2
        if _is_header(upper):
            return upper, index + 1
    return None


def group_level(texts: list[str], family: Family) -> str | None:
    if len(set(texts)) != 1:
        return None
    text = ENUMERATOR.sub("", texts[0])
    for group in family.groups:
        if group.pattern.match(text):
            return group.level
    return None


def _row_box(cells: list[Cell]) -> tuple[float, ...] | None:
    boxes = [c.bbox for c in cells if c.bbox]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


# ---------------------------------------------------------------------------------------------
# 4. rows

OCR_DOUBLED_LETTER = re.compile(r"([A-Z])([a-z])")


def _labels(cells: dict[str, Cell], ocr: bool, notes: list[str]) -> str:
    labels: list[str] = []
    for name in CATEGORY_FIELDS:
        cell = cells.get(name)
        raw = cell.text.strip() if cell else ""
        doubled = OCR_DOUBLED_LETTER.fullmatch(raw)
        if ocr and doubled and doubled[1].lower() == doubled[2]:
            notes.append(f"OCR read the category {raw!r}, taken as {doubled[1]!r}")   # tesseract's "Cc" for C
            raw = doubled[1]
        text = normalise_header(raw)
        if not text or text in ("-",):
            continue
        if name == "zone" and not text.startswith("zona "):
            text = f"zona {text}"
        if text not in labels:
            labels.append(text)
    return ", ".join(labels)


def _cell_record(cell: Cell) -> dict:
    return {"text": cell.text, "bbox": list(cell.bbox) if cell.bbox else None, "ref": cell.ref}


def map_document(read: DocumentRead, family: Family, names: NameIndex, *, url: str = "", title: str = "") -> MappedDocument:
    text = f"{title}\n{read.text}"
    year = document_year(family, text)
    region = names.region_in_text(f"{title}\n{read.page_texts[0] if read.page_texts else ''}")
    values: list[OfficialValue] = []
    headers: dict[int, dict[int, str]] = {}
    problems: list[str] = []
    level = family.level or None
    previous: tuple[dict[int, str], int] | None = None   # header of the table a page break continues
    for table in read.tables:
        found = find_header(table.rows, family)
        if found:
            header, start = found
        elif previous and previous[1] == len(table.rows[0]):
            header, start = previous[0], 0
        else:
            where = f"table {table.index + 1}" + (f" (page {table.pages[0]})" if table.pages else "") + \
                    (f" (sheet {table.sheet})" if table.sheet else "")
            wanted = ", ".join(f"{name}: {' / '.join(family.columns[name])}" for name in ("entity", "score")
                               if name in family.columns)
            problems.append(f"{where}: no header row names an entity and a score column (looked for {wanted})")
            continue
        previous = (header, len(table.rows[0]) if table.rows else 0)
        headers[table.index] = header
        level = _map_rows(table, header, start, family, names, year, region, level, values)
    if not headers and not problems:
        problems.append("the document holds no table")
    bands, totals = stated_bands_and_totals(read, family)
    return MappedDocument(family, year, region, tuple(values), bands, totals, headers, tuple(problems))


def _map_rows(table: Table, header: dict[int, str], start: int, family: Family, names: NameIndex,
              year: int | None, region, level: str | None, values: list[OfficialValue]) -> str | None:
    """Append the values of one table's rows; return the entity level in force at its end."""
    ocr = table.method == "ocr"
    wraps = table.method in ("aligned", "template", "ocr")
    for row_index in range(start, len(table.rows)):
        row = table.rows[row_index]
        texts = [c.text for c in row if c.text]
        if not texts:
            continue
        if len(header_fields(row, family)) >= 2:
            continue   # the header repeated on a new page
        grouped = group_level(texts, family)
        if grouped:
            level = grouped
            continue
        cells = {name: row[column] for column, name in header.items() if column < len(row)}
        entity_cell = cells.get("entity")
        if any(p.search(texts[0]) or (entity_cell and p.search(entity_cell.text)) for p in family.skip_rows):
            continue
        filled = {name for name, cell in cells.items() if cell.text}
        if not filled & {"entity", "score", "code"}:
            continue   # a sub-header under merged cells ("Kebijakan | Tata Kelola"), not a result
        if wraps and values and filled == {"entity"} and len(texts) == 1 and values[-1].table_index == table.index:
            values[-1] = _remap(values[-1], f"{values[-1].entity_as_written} {entity_cell.text}", names, region)
            continue   # the second line of a wrapped name
        values.append(_read_row(table, row_index, row, cells, family, names, year, region, level, ocr))
    return level


def _read_row(table: Table, row_index: int, row, cells: dict[str, Cell], family: Family, names: NameIndex,
              year: int | None, region, level: str | None, ocr: bool) -> OfficialValue:
    problems, notes = [], []
    written = cells["entity"].text if "entity" in cells else ""
    score = None
    score_cell = cells.get("score")
    if score_cell is not None:
        if score_cell.problem:
            problems.append(score_cell.problem)
        elif score_cell.number is not None:
            score = score_cell.number
        else:
            try:
                score, note = parse_number(score_cell.text, family, ocr=ocr, scale_max=family.scale_max)
                if note:
                    notes.append(note)
                if score is None:
                    notes.append(f"not assessed ({score_cell.text or 'empty'!r})")
            except NumberError as exc:
                problems.append(f"score {exc}")
    if score is not None and not 0 <= score <= family.scale_max:
        problems.append(f"score {score:g} is outside the family's scale 0–{family.scale_max:g}")
    rank = parse_rank(cells["rank"].text) if cells.get("rank") and cells["rank"].text else None
    row_year = year
    if cells.get("year") and cells["year"].text:
        found = re.search(r"(19|20)\d\d", cells["year"].text)
        row_year = int(found[0]) if found else year
    if row_year is None:
        problems.append("no evaluation year: neither the document nor a year column states it")
    code = cells["code"].text if cells.get("code") and cells["code"].text else None
    mapped = names.canonical(written, level, region, code)
    if mapped.problem:
        problems.append(mapped.problem)
    for cell in row:
        if cell.problem and cell.problem not in problems:
            problems.append(cell.problem)
    return OfficialValue(
        family=family.id, scheme=family.scheme, year=row_year, entity_as_written=written,
        entity=mapped.entity, region=mapped.region.name if mapped.region else None,
        region_code=mapped.region.code if mapped.region else None, level=mapped.level,
        score=score, scale_max=family.scale_max, category=_labels(cells, ocr, notes), rank=rank,
        table_index=table.index, row_index=row_index, page=next((c.page for c in row if c.page), None),
        bbox=_row_box(list(row)), cells={name: _cell_record(cell) for name, cell in cells.items()},
        problem="; ".join(problems) or None, notes=tuple(notes),
    )


def _remap(value: OfficialValue, written: str, names: NameIndex, region) -> OfficialValue:
    from dataclasses import replace
    mapped = names.canonical(written, value.level, region)
    kept = [p for p in (value.problem or "").split("; ") if p and "gazetteer" not in p and "names no" not in p]
    if mapped.problem:
        kept.append(mapped.problem)
    return replace(value, entity_as_written=written, entity=mapped.entity,
                   region=mapped.region.name if mapped.region else None,
                   region_code=mapped.region.code if mapped.region else None, problem="; ".join(kept) or None)


# ---------------------------------------------------------------------------------------------
# 5. what the document states

def stated_bands_and_totals(read: DocumentRead, family: Family) -> tuple[tuple[StatedBand, ...], dict]:
    bands: list[StatedBand] = []
    for page, page_text in enumerate(read.page_texts, start=1):
        for pattern in family.bands:
            for found in pattern.finditer(page_text):
                labels = tuple(dict.fromkeys(normalise_header(part) for part in re.split(r"[(),/]", found["labels"])
                                             if part.strip()))
                try:
                    lower, _ = parse_number(found["lower"], family)
                    upper, _ = parse_number(found["upper"], family)
                except NumberError:
                    continue
                band = StatedBand(labels, lower, upper, page if read.format == "pdf" else None)
                if lower is not None and upper is not None and all(b.labels != labels for b in bands):
                    bands.append(band)
    totals: dict[str, int] = {}
    for pattern in family.totals:
        for found in pattern.finditer(read.text):
            totals.setdefault(normalise_header(found["label"]), int(found["count"]))
    return tuple(sorted(bands, key=lambda b: b.lower)), totals
