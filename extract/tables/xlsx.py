"""Tables of an XLSX workbook with openpyxl: one table per sheet, numbers kept as numbers.

A formula cell is read from the value the spreadsheet program saved with it. A file written by
a program that never calculated (no saved value) gets a cell `problem` naming the formula: the
row is kept and reported, never filled with a guess. Merged cells keep their text in the first
cell, like PDF tables. Pure.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

from . import Cell, DocumentRead, Table, TableError


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return " ".join(str(value).split())


def read_xlsx(content: bytes) -> DocumentRead:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        values = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(content), data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError("corrupt", f"not a readable XLSX workbook ({type(exc).__name__}: {exc}); "
                                    "the stored bytes are kept") from None
    tables, texts = [], []
    for index, sheet in enumerate(values.worksheets):
        formula_sheet = formulas[sheet.title]
        rows, problems, words = [], [], []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                value = cell.value
                written = formula_sheet[cell.coordinate].value
                problem = None
                if value is None and isinstance(written, str) and written.startswith("="):
                    problem = (f"{sheet.title}!{cell.coordinate} holds the formula {written} with no saved value "
                               "(the file was never calculated): open and save it in a spreadsheet program, "
                               "or publish the values")
                    problems.append(problem)
                number = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
                text = _text(value)
                cells.append(Cell(text, ref=cell.coordinate, number=number, problem=problem))
                if text:
                    words.append(text)
            rows.append(tuple(cells))
        while rows and not any(c.text or c.problem for c in rows[-1]):
            rows.pop()
        texts.append(" ".join(words))
        if rows:
            tables.append(Table(len(tables), "xlsx", tuple(rows), sheet=sheet.title, problems=tuple(problems)))
    if not tables:
        raise TableError("no_table", "the workbook's sheets are empty")
    return DocumentRead(format="xlsx", tables=tuple(tables), page_texts=tuple(texts), page_count=len(texts))
