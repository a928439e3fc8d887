"""A CSV (or semicolon / tab separated) file as one table. Pure.

Satu Data exports come as UTF-8 (with or without BOM) or Windows-1252, separated by commas,
or by semicolons where the decimal separator is a comma; the separator is sniffed.
"""
from __future__ import annotations

import csv
import io

from . import Cell, DocumentRead, Table, TableError


def read_csv(content: bytes) -> DocumentRead:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise TableError("unknown_format", "binary data, not a CSV file")
    try:
        dialect = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        rows.append(tuple(Cell(" ".join(value.split()), ref=f"{number}:{column}")
                          for column, value in enumerate(row, start=1)))
    while rows and not any(c.text for c in rows[-1]):
        rows.pop()
    if not rows:
        raise TableError("no_table", "the CSV file is empty")
    return DocumentRead(format="csv", tables=(Table(0, "csv", tuple(rows)),), page_texts=(text[:20_000],), page_count=1)
