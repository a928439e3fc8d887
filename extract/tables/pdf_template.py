"""A page's table cut by an explicit column template: boundaries given by the document family.

For annexes typeset without rules whose columns sit too close for their alignment to tell
(a predikat right after its nilai): the family file measures the boundaries once, as fractions
of the page width, so the same template holds for portrait and landscape copies. Pure.
"""
from __future__ import annotations

from . import Cell
from .layout import rows_from_lines, table_lines


def template_rows(lines: list[list[dict]], page_width: float, template: tuple[float, ...],
                  page: int) -> list[tuple[Cell, ...]]:
    boundaries = [fraction * page_width for fraction in template]
    return rows_from_lines(table_lines(lines), boundaries, page)
