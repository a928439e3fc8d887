"""Words with positions → table rows, for PDF pages whose table has no rules.

Shared by `pdf_text` (columns inferred from the text's alignment), `pdf_template` (columns given
by a document family) and `ocr` (words of an OCR text layer). Pure.
"""
from __future__ import annotations

from statistics import median

from . import Cell

# A gap wider than this many times the text height separates two columns; the gap between two
# words of one name is about a quarter of it.
COLUMN_GAP = 0.8
# OCR leaves stray marks from specks and rules as one-character "words".
NOISE = set("|'`‘’\"“”.,:;_~")


def lines_of(words: list[dict]) -> list[list[dict]]:
    """Words grouped into text lines (top to bottom), each line left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if word["text"].strip() in NOISE:
            continue
        height = word["bottom"] - word["top"]
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= 0.5 * height:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def segments_of(line: list[dict]) -> list[list[dict]]:
    """Runs of words separated by less than a column gap."""
    height = median(w["bottom"] - w["top"] for w in line)
    runs = [[line[0]]]
    for word in line[1:]:
        if word["x0"] - runs[-1][-1]["x1"] > COLUMN_GAP * height:
            runs.append([word])
        else:
            runs[-1].append(word)
    return runs


def inferred_boundaries(lines: list[list[dict]]) -> list[float] | None:
    """Column boundaries where a table's rows leave the same stretch of the page empty.

    Every line with two runs or more marks the x positions its words cover; a column is a
    stretch covered by more than a tenth of those lines (so a header or heading written across
    a gap does not close it), and gaps narrower than a column gap (the space inside a name no
    other row covers) do not split one. None when fewer than two columns are found.
    """
    rows = [line for line in lines if len(segments_of(line)) >= 2]
    if len(rows) < 2:
        return None
    width = int(max(w["x1"] for line in rows for w in line)) + 2
    cover = [0] * width
    for line in rows:
        covered = set()
        for word in line:
            covered.update(range(int(word["x0"]), int(word["x1"]) + 1))
        for x in covered:
            cover[x] += 1
    limit = len(rows) // 10
    runs: list[list[int]] = []
    for x, count in enumerate(cover):
        if count > limit:
            if runs and x == runs[-1][1] + 1:
                runs[-1][1] = x
            else:
                runs.append([x, x])
    height = median(w["bottom"] - w["top"] for line in rows for w in line)
    merged: list[list[int]] = []
    for run in runs:
        if merged and run[0] - merged[-1][1] <= COLUMN_GAP * height:
            merged[-1][1] = run[1]
        else:
            merged.append(run)
    if len(merged) < 2:
        return None
    return [(left[1] + right[0]) / 2 for left, right in zip(merged, merged[1:])]


def rows_from_lines(lines: list[list[dict]], boundaries: list[float], page: int) -> list[tuple[Cell, ...]]:
    """Each line becomes a row; each word goes to the column its centre falls in."""
    rows = []
    for line in lines:
        cells: list[list[dict]] = [[] for _ in range(len(boundaries) + 1)]
        for word in line:
            centre = (word["x0"] + word["x1"]) / 2
            column = sum(1 for b in boundaries if centre > b)
            cells[column].append(word)
        row = []
        for words in cells:
            if words:
                bbox = (min(w["x0"] for w in words), min(w["top"] for w in words),
                        max(w["x1"] for w in words), max(w["bottom"] for w in words))
                row.append(Cell(" ".join(w["text"] for w in words), page, tuple(round(v, 2) for v in bbox)))
            else:
                row.append(Cell("", page, None))
        rows.append(tuple(row))
    return rows


def table_lines(lines: list[list[dict]]) -> list[list[dict]]:
    """The lines from the first to the last one that has two runs or more (the table's extent,
    headers included; titles and paragraphs above and below left out)."""
    multi = [i for i, line in enumerate(lines) if len(segments_of(line)) >= 2]
    if not multi:
        return []
    return lines[multi[0]: multi[-1] + 1]
