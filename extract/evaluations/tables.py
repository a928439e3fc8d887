"""Tables a story prints, which trafilatura writes as Markdown rows (or a copied table as lines of
tab-parted cells): each row one body's result, the header saying which column holds what.

    | No | Pemda            | Nilai | Zona   |
    |----|------------------|-------|--------|
    | 1  | Kabupaten Kolaka | 85,20 | Hijau  |

The name column is read for an entity as a sentence is, each value column for a score (a year
in its header is that column's round: "Nilai 2022 | Nilai 2023"), the label column for a
predicate (a bare colour under "Zona" is the zone, a letter under "Kategori" — or under "Nilai" —
the grade). A row whose name no rule reads, or whose value is no number, gives nothing; a
header that names no name column gives no records at all. The quote is the row. Pure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Evaluation
from .attributes import local_region, scale_of, scheme_of_labels
from .entities import find_mentions
from .predicates import labels_of
from .spans import find_spans, predicate_items

ROW = re.compile(r"^[ \t]*\|(.+)\|[ \t]*$")
RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")
VALUE = re.compile(r"^\d{1,3}(?:[.,]\d{1,5})?$")
GRADE = re.compile(r"^(AA|A|BB|B|CC|C|D)[-+]?$")
HEADER_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
MIN_TAB_CELLS = 3   # a name and a value at least, with a number or a label beside them


@dataclass(frozen=True)
class Cell:
    text: str
    start: int       # character offsets in the article text
    end: int


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    start: int       # from the first bar to the last, in the article text
    end: int


@dataclass(frozen=True)
class Table:
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    start: int
    end: int


def find_tables(text: str) -> list[Table]:
    """Markdown tables: a header row, a rule row ("|---|---|"), then rows of as many cells."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((line, offset))
        offset += len(line) + 1
    tables, k = [], 0
    while k + 1 < len(lines):
        line, start = lines[k]
        if not (ROW.match(line) and RULE.match(lines[k + 1][0])):
            k += 1
            continue
        header = _cells(line, start)
        rows, j = [], k + 2
        while j < len(lines) and ROW.match(lines[j][0]) and not RULE.match(lines[j][0]):
            row_line, row_start = lines[j]
            cells = _cells(row_line, row_start)
            if len(cells) == len(header):
                rows.append(Row(tuple(cells), row_start + row_line.index("|"), row_start + row_line.rindex("|") + 1))
            j += 1
        end = lines[j - 1][1] + len(lines[j - 1][0])
        tables.append(Table(tuple(header), tuple(rows), start, end))
        k = j
    return tables + _tab_tables(lines)


def _tab_tables(lines: list[tuple[str, int]]) -> list[Table]:
    """Rows whose cells a tab parts ("No\tSatker\tPredikat"), as a table copied from a page or a
    spreadsheet reaches the text: a header line, then lines of as many cells."""
    tables, k = [], 0
    while k < len(lines):
        line, start = lines[k]
        width = line.count("\t") + 1
        if width < MIN_TAB_CELLS or any(c.isdigit() for c in HEADER_YEAR.sub("", line)):
            k += 1  # a header names its columns in words ("No\tPemda\tNilai 2023"); a row of values is none
            continue
        rows, j = [], k + 1
        while j < len(lines) and lines[j][0].count("\t") + 1 == width:
            row_line, row_start = lines[j]
            rows.append(Row(tuple(_tab_cells(row_line, row_start)), row_start, row_start + len(row_line)))
            j += 1
        if rows:
            tables.append(Table(tuple(_tab_cells(line, start)), tuple(rows), start, lines[j - 1][1] + len(lines[j - 1][0])))
        k = j
    return tables


def _tab_cells(line: str, offset: int) -> list[Cell]:
    cells, position = [], 0
    for raw in line.split("\t"):
        lead = len(raw) - len(raw.lstrip())
        cells.append(Cell(raw.strip(), offset + position + lead, offset + position + lead + len(raw.strip())))
        position += len(raw) + 1
    return cells


def _cells(line: str, offset: int) -> list[Cell]:
    bars = [i for i, c in enumerate(line) if c == "|"]
    cells = []
    for left, right in zip(bars, bars[1:]):
        raw = line[left + 1:right]
        lead = len(raw) - len(raw.lstrip())
        cells.append(Cell(raw.strip(), offset + left + 1 + lead, offset + left + 1 + lead + len(raw.strip())))
    return cells


def table_records(vocab, nlp, text: str, tables: list[Table], context) -> list[Evaluation]:
    records = []
    for table in tables:
        roles = _roles(vocab, table.header)
        if "entity" not in roles.values():
            continue
        for row in table.rows:
            records.extend(_row_records(vocab, nlp, text, table, roles, row, context))
    return records


def _roles(vocab, header) -> dict[int, str]:
    """Column → entity | score | label | rank, by its header's words."""
    roles = {}
    for index, cell in enumerate(header):
        said = cell.text.lower()
        for role, words in vocab.lex["table_columns"].items():
            if any(said == w or said.startswith(w + " ") for w in words):
                roles[index] = role
                break
    entity_columns = [i for i, r in roles.items() if r == "entity"]
    for extra in entity_columns[1:]:
        del roles[extra]  # "Pemda | Kabupaten/Kota": the first names the body
    return roles


def _row_records(vocab, nlp, text, table, roles, row, context) -> list[Evaluation]:
    cells = row.cells
    entity_column = next(i for i, r in roles.items() if r == "entity")
    mention = _entity(vocab, nlp, cells[entity_column], context)
    if mention is None:
        return []
    labels = []
    for index in (i for i, r in roles.items() if r == "label"):
        labels.extend(_labels(vocab, nlp, table.header[index].text.lower(), cells[index].text))
    # "| Polres Blora | A- | Pelayanan Prima |" under "Nilai": a value column may hold the letter grade
    labels[:0] = [cells[i].text.strip().lower() for i, r in roles.items() if r == "score" and GRADE.match(cells[i].text.strip())
                  and cells[i].text.strip().lower() not in labels]
    scheme = scheme_of_labels(vocab, labels) or _table_scheme(vocab, table, context)
    rank = next((int(cells[i].text) for i, r in roles.items() if r == "rank" and cells[i].text.isdigit()), None)
    name, region = mention.entity_name(local_region(context))
    common = dict(entity=name, entity_as_written=mention.written, region=region.name if region else None,
                  scheme=scheme, predicate=tuple(labels), rank=rank, quote=text[row.start:row.end],
                  start=row.start, end=row.end)
    values = [(i, cells[i].text) for i, r in roles.items() if r == "score" and VALUE.match(cells[i].text)]
    if not values:
        return [Evaluation(score=None, scale_max=None, year=context.year,
                           rule_ids=("table.row", mention.rule, "table.label_column"), **common)] if labels else []
    records = []
    for index, written in values:
        value = float(written.replace(",", "."))
        header_year = HEADER_YEAR.search(table.header[index].text)
        records.append(Evaluation(
            score=value, scale_max=scale_of(vocab, scheme, value),
            year=int(header_year.group(1)) if header_year else context.year,
            rule_ids=("table.row", mention.rule, "table.value_column"), **common))
    return records


def _entity(vocab, nlp, cell: Cell, context):
    """The one body a name cell names, covering the cell; else None."""
    if not cell.text:
        return None
    doc = nlp(cell.text)
    parties = [m for m in find_mentions(vocab, doc, find_spans(vocab, doc), context.defined) if not m.comparison]
    if len(parties) != 1 or parties[0].start > 0 or len(doc) - parties[0].end > 1:
        return None
    return parties[0]


def _labels(vocab, nlp, header: str, written: str) -> list[str]:
    """A label cell's labels: the predicates it holds; a bare colour under "Zona" ("Hijau") is the
    zone; a bare letter ("A-") is the grade."""
    if GRADE.match(written.strip()):
        return [written.strip().lower()]
    phrase = f"{header.split()[0]} {written.lower()}" if header else written.lower()
    known = {p for predicates in vocab.scheme_predicates.values() for p in predicates}
    if phrase in known:
        return [phrase]
    doc = nlp(written)
    return labels_of(doc, predicate_items(find_spans(vocab, doc))) or (
        [written.lower()] if written.lower() in known else [])


def _table_scheme(vocab, table, context) -> str:
    """The scheme the header names ("Nilai IPP", "Nilai IKM"), else the article's."""
    header = " ".join(c.text for c in table.header)
    for scheme, regex in vocab.scheme_cue_res.items():
        if regex.search(header):
            return scheme
    leading = context.schemes.most_common(1)
    return leading[0][0] if leading and leading[0][1] else "other"
