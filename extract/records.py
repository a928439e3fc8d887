"""The two record types that flow out of `extract/`: an article and an evaluation."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None          # YYYY-MM-DD
    published_source: str | None = None   # which step of the date cascade found it
    language: str | None = None
    author: str | None = None
    sitename: str | None = None


@dataclass(frozen=True)
class Evaluation:
    """One reported result: who, what score/predicate, under which scheme and year, said where.

    `start`/`end` are character offsets of `quote` in the article text, so
    `text[start:end] == quote` always holds.
    """
    entity: str                 # canonical: "Dinas Sosial Kabupaten Serang"
    entity_as_written: str      # "Dinsos"
    region: str | None          # "Kabupaten Serang", "Kota Cilegon", "Provinsi Banten"
    scheme: str                 # ombudsman_compliance | pekppp | skm | sakip | spbe | rb | kip | zi | other
    score: float | None
    scale_max: float | None
    predicate: tuple[str, ...]  # labels as reported, lowercase: ("zona hijau", "kualitas tertinggi")
    year: int | None            # the evaluation period, not the publication year
    rank: int | None
    quote: str
    start: int
    end: int
    rule_ids: tuple[str, ...] = field(default=())

    def to_contract(self) -> dict:
        """The JSONL shape of `rapor extract --output` (stable: every measurement relies on it)."""
        return {
            "entity": self.entity, "region": self.region, "scheme": self.scheme,
            "score": self.score, "scale_max": self.scale_max, "predicate": ", ".join(self.predicate),
            "year": self.year, "rank": self.rank, "quote": self.quote, "start": self.start,
            "end": self.end, "entity_as_written": self.entity_as_written,
            "rule_ids": list(self.rule_ids),
        }
