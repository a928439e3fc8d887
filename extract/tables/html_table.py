"""The `<table>`s of an HTML page, with colspan and rowspan laid out on a grid. Pure.

A spanned cell keeps its text in its first grid cell and leaves the others empty, as PDF and
XLSX tables do; `th` rows are rows like the others (the mapping finds the header by its words).
"""
from __future__ import annotations

from lxml import etree, html

from . import Cell, DocumentRead, Table, TableError

MAX_SPAN = 50   # a colspan of 10,000 is a typo or a trap, not a layout


def _span(element, name: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(element.get(name, "1"))))
    except ValueError:
        return 1


def _grid(table) -> list[tuple[Cell, ...]]:
    grid: dict[tuple[int, int], Cell] = {}
    rows = [r for r in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")]
    for r, row in enumerate(rows):
        c = 0
        for element in row.xpath("./td | ./th"):
            while (r, c) in grid:
                c += 1
            text = " ".join(element.text_content().split())
            for dr in range(_span(element, "rowspan")):
                for dc in range(_span(element, "colspan")):
                    first = dr == 0 and dc == 0
                    grid[(r + dr, c + dc)] = Cell(text if first else "", ref=f"{r + 1}:{c + 1}")
            c += _span(element, "colspan")
    if not grid:
        return []
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [tuple(grid.get((r, c), Cell("", ref=f"{r + 1}:{c + 1}")) for c in range(width)) for r in range(height)]


def read_html(content: bytes) -> DocumentRead:
    try:
        document = html.fromstring(content)
    except (etree.ParserError, ValueError) as exc:
        raise TableError("corrupt", f"not a readable HTML page ({exc})") from None
    # innermost tables: a layout table around the data table is not the data
    found = [t for t in document.iter("table") if not t.xpath(".//table")]
    grids = [grid for grid in (_grid(table) for table in found) if grid]
    tables = [Table(index, "html", tuple(rows)) for index, rows in enumerate(grids)]
    if not tables:
        raise TableError("no_table", "no <table> in the page: an HTML document must hold its results in a table "
                                     "(a results page drawn by scripts needs its data URL instead)")
    for element in document.xpath("//script | //style"):
        element.drop_tree()
    text = " ".join(document.text_content().split())
    return DocumentRead(format="html", tables=tuple(tables), page_texts=(text,), page_count=1)
