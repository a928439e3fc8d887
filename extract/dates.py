"""Dates written in Indonesian news text.

dateparser is only ever given spans that a regex already recognised as dates: its
`search_dates` over free text reads a score such as "4,02" as a date.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

MONTHS = (
    r"Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
    r"November|Nopember|Desember|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Aug|Sep|Sept|Okt|Oct|Nov|Des|Dec"
)
# "8/6/2023", "(18/12/2023)", "08-06-2023": Indonesian order is day/month/year.
NUMERIC_DATE = re.compile(r"(?<![\d/.,])(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d{2})(?![\d/])")
# "23 Desember 2022", "05 Feb, 2025", "4 Februari 2025"
NAMED_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({MONTHS})\.?,?\s+((?:19|20)\d{{2}})(?!\d)", re.I)
DATELINE_WINDOW = 1200   # the dateline sits in the first lines of an article


@lru_cache(maxsize=1)
def _parser():
    import dateparser  # imported lazily: it costs ~0.3 s at start-up
    return dateparser


def parse_date_span(span: str) -> str | None:
    """One date span → 'YYYY-MM-DD', or None when it is not a real calendar date."""
    match = NUMERIC_DATE.search(span)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    match = NAMED_DATE.search(span)
    if match:
        parsed = _parser().parse(
            match.group(0).replace(",", ""), languages=["id"],
            settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True},
        )
        return parsed.date().isoformat() if parsed else None
    return None


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of every date-looking expression in `text`, in order."""
    spans = [m.span() for m in NUMERIC_DATE.finditer(text)] + [m.span() for m in NAMED_DATE.finditer(text)]
    return sorted(spans)


def find_dateline_date(text: str) -> str | None:
    """The first real date near the top of an article: its dateline or first event date."""
    window = text[:DATELINE_WINDOW]
    for start, end in date_spans(window):
        parsed = parse_date_span(window[start:end])
        if parsed:
            return parsed
    return None
