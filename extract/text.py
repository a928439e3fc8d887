"""Sentences with their character offsets, cut the way Indonesian news is punctuated."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A dot after these is not a sentence end: "Kab. Serang", "Pemkab. Sampang", "No. 29", "Dr. H. Ijang", "M.Si."
ABBREVIATIONS = {
    "kab", "kec", "kel", "prov", "no", "dr", "drs", "dra", "h", "hj", "ir", "st", "sh", "se", "si",
    "m", "mm", "mh", "msi", "dll", "dsb", "tsb", "pt", "cv", "jl", "jln", "ds", "ust", "kh", "prof",
    "bpk", "ibu", "sdr", "a", "b", "s", "kompol", "akbp", "ipda", "iptu", "aipda", "brigjen", "kol",
    "mayjen", "letjen", "irjen", "vs", "yth", "tgl", "hlm", "ttd", "rp", "sdm",
    "pemkab", "pemkot", "pemko", "pemprov", "prof", "dra", "kep", "adm", "kel", "ds",
}
_INITIAL_AFTER_TITLE = re.compile(r"(?<![A-Za-z])(?i:" + "|".join(sorted(ABBREVIATIONS)) + r")\.\s?[A-Z]$")
_SECOND_INITIAL = re.compile(r"(?<![A-Za-z])[A-Z]\.\s?[A-Z]$")  # "Prof. Dr. W. Z. Johannes": two initials in a row
LIST_NUMBER = re.compile(r"\s*\d{1,3}")
INLINE_LIST_NUMBER = re.compile(r"[,:;]\s+\d{1,2}$")  # a number after a comma or colon, then its dot
LEADER = re.compile(r"\.{3,}|…+")  # a run of dots between a row's name and its value
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


def sentences(text: str) -> list[Sentence]:
    """Split on line breaks and on sentence-final punctuation; offsets index into `text`."""
    found: list[Sentence] = []
    paragraph = 0
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue  # a blank line parts paragraphs already told apart by their line breaks
        cursor = line_start
        for match in _BOUNDARY.finditer(line):
            before = line[max(0, match.start() - 24): match.start()]  # the word before the dot
            word = re.search(r"([A-Za-z.]+)$", before)
            if word and word.group(1).replace(".", "").lower() in ABBREVIATIONS and line[match.start()] == ".":
                continue
            if line[match.start()] == "." and (_INITIAL_AFTER_TITLE.search(before) or _SECOND_INITIAL.search(before)):
                continue  # "RSUD dr. R. Koesma", "RSUD Prof. Dr. W. Z. Johannes": a person's initials
            if LIST_NUMBER.fullmatch(line[:match.start()]) or INLINE_LIST_NUMBER.search(line[:match.start()]):
                continue  # "2. DPMPTSP – Sangat Baik (A-)", "…: 1. Kabupaten A (98,5), 2. Kota B": a list's numbers
            if LEADER.fullmatch(match.group(0).rstrip()) and line[match.end():match.end() + 1].isdigit():
                continue  # "Kabupaten Bone ........ 88,12": dots that lead the eye to a row's value
            end = line_start + match.end()
            _add(found, text, cursor, end, paragraph)
            cursor = end
        _add(found, text, cursor, line_start + len(line), paragraph)
        paragraph += 1
    return found


def _add(found: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(Sentence(start, end, paragraph))
