"""Document families: how the assessors' result tables are read, one file per family in `reports/`.

A family is a series of official documents that share a table shape: Ombudsman RI's opini
annexes, KemenPANRB's SPBE decree annexes, a pemda's SKM report, a Satu Data RB table. Its file
says how to recognise such a document, which header words name which field, which rows are
group headings (they set the entity level), how numbers are written, the scheme and how the
year is stated, and where the document states its bands and totals. `extract.official` reads
tables with it; nothing here reads a document.

Every error names the file and the line (`ConfigError`), like the other loaders in `config`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapor.config import SCHEME_IDS, ConfigError, load_yaml

REPORTS_DIR = Path(__file__).resolve().parent / "reports"

# What a column can hold. `category`, `label` (opini, kinerja unit) and `zone` are all category-like: their labels are
# kept together, as the predicate of a news record is.
FIELDS = ("number", "entity", "code", "score", "category", "label", "zone", "rank", "year")
LEVELS = ("kementerian", "lembaga", "provinsi", "kabupaten", "kota", "unit")
LAYOUTS = ("auto", "template")
_KEYS = {"id": str, "name": str, "scheme": str, "scale_max": (int, float), "match": dict, "year": dict,
         "columns": dict, "groups": list, "level": str, "numbers": dict, "missing": list, "skip_rows": list,
         "totals": list, "bands": list, "layout": str, "template": list, "max_pages": int, "decimals": int,
         "notes": str}


@dataclass(frozen=True)
class Group:
    pattern: re.Pattern   # a row whose only text matches this is a group heading
    level: str


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    scheme: str
    scale_max: float
    url_patterns: tuple[re.Pattern, ...]
    text_phrases: tuple[str, ...]
    year_patterns: tuple[re.Pattern, ...]
    columns: dict                      # field → tuple of header synonyms (normalised lowercase)
    groups: tuple[Group, ...] = ()
    level: str = ""                    # the level when no group row says otherwise ("" = from the name)
    decimal: str = ","
    thousands: str = "."
    decimals: int = 2                  # how many decimals the scores are printed with (OCR repair)
    missing: tuple[str, ...] = ("-", "–", "—", "")
    skip_rows: tuple[re.Pattern, ...] = ()
    totals: tuple[re.Pattern, ...] = ()    # named groups `label` and `count`
    bands: tuple[re.Pattern, ...] = ()     # named groups `labels`, `lower`, `upper`
    layout: str = "auto"
    template: tuple[float, ...] = ()       # column boundaries as fractions of the page width
    max_pages: int = 300
    source_file: str = ""
    version: str = ""                      # hash of the file: which mapping produced a value
    notes: str = field(default="", compare=False)

    def matches(self, url: str, text: str) -> str | None:
        """Why a document is of this family ("url" or "text"), or None."""
        if any(p.search(url) for p in self.url_patterns):
            return "url"
        head = normalise_header(text[:4000])
        if any(phrase in head for phrase in self.text_phrases):
            return "text"
        return None


def normalise_header(text: str) -> str:
    """Header cells compared as lowercase words: "Nama\\nInstansi " and "NAMA INSTANSI" are one."""
    return re.sub(r"\s+", " ", (text or "").replace("\u00a0", " ")).strip().lower()


def _compile(path: Path, line: int | None, pattern, what: str) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(path, line, f"{what} must be a non-empty regular expression, got {pattern!r}")
    try:
        return re.compile(pattern, re.I | re.M)
    except re.error as exc:
        raise ConfigError(path, line, f"bad regex in {what}: {exc}") from None


def parse_family(path: Path) -> Family:
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "a document family file must be a mapping of keys to values")
    for key, value in data.items():
        if key not in _KEYS:
            raise ConfigError(path, lines.get((key,)), f"unknown key {key!r} (known: {', '.join(sorted(_KEYS))})")
        if not isinstance(value, _KEYS[key]):
            kind = _KEYS[key]
            raise ConfigError(path, lines.get((key,)), f"{key!r} must be a "
                              f"{kind.__name__ if isinstance(kind, type) else 'number'}")
    for required in ("id", "name", "scheme", "scale_max", "match", "columns"):
        if required not in data:
            raise ConfigError(path, 1, f"missing required key {required!r}")
    if data["id"] != path.stem:
        raise ConfigError(path, lines.get(("id",)), f"id {data['id']!r} must equal the file name {path.stem!r}")
    if data["scheme"] not in SCHEME_IDS:
        raise ConfigError(path, lines.get(("scheme",)), f"unknown scheme {data['scheme']!r} (known: {', '.join(SCHEME_IDS)})")
    match = data["match"]
    for key in set(match) - {"url", "text"}:
        raise ConfigError(path, lines.get(("match", key)), f"match takes url and text, not {key!r}")
    url_patterns = tuple(_compile(path, lines.get(("match", "url", i)), p, "match.url")
                         for i, p in enumerate(match.get("url") or []))
    phrases = tuple(normalise_header(p) for p in match.get("text") or [])
    if not url_patterns and not phrases:
        raise ConfigError(path, lines.get(("match",)), "match needs at least one url regex or text phrase")
    columns = {}
    for name, synonyms in data["columns"].items():
        line = lines.get(("columns", name))
        if name not in FIELDS:
            raise ConfigError(path, line, f"unknown column field {name!r} (known: {', '.join(FIELDS)})")
        if not isinstance(synonyms, list) or not all(isinstance(s, str) and s.strip() for s in synonyms):
            raise ConfigError(path, line, f"columns.{name} must be a list of header words (quote 'no')")
        columns[name] = tuple(normalise_header(s) for s in synonyms)
    for needed in ("entity", "score"):
        if needed not in columns and not (needed == "score" and "category" in columns):
            raise ConfigError(path, lines.get(("columns",)), f"columns must name the {needed} column")
    groups = []
    for index, spec in enumerate(data.get("groups") or []):
        line = lines.get(("groups", index))
        if not isinstance(spec, dict) or set(spec) != {"match", "level"} or spec["level"] not in LEVELS:
            raise ConfigError(path, line, f"a group is {{match: regex, level: one of {', '.join(LEVELS)}}}")
        groups.append(Group(_compile(path, line, rf"^\s*(?:{spec['match']})\s*$", "groups.match"), spec["level"]))
    level = data.get("level", "")
    if level and level not in LEVELS:
        raise ConfigError(path, lines.get(("level",)), f"level must be one of {', '.join(LEVELS)}")
    year = data.get("year") or {}
    for key in set(year) - {"text"}:
        raise ConfigError(path, lines.get(("year", key)), "year takes text: [regex with one group]")
    year_patterns = tuple(_compile(path, lines.get(("year", "text", i)), p, "year.text")
                          for i, p in enumerate(year.get("text") or []))
    if not year_patterns and "year" not in columns:
        raise ConfigError(path, lines.get(("year",)) or 1, "say where the year is: year.text regexes or a year column")
    numbers = data.get("numbers", {"decimal": ",", "thousands": "."})
    if set(numbers) != {"decimal", "thousands"} or {numbers["decimal"], numbers["thousands"]} != {",", "."}:
        raise ConfigError(path, lines.get(("numbers",)), "numbers is {decimal: ',', thousands: '.'} or the reverse")
    named = {"totals": ("label", "count"), "bands": ("labels", "lower", "upper")}
    patterns = {}
    for key, groups_needed in named.items():
        compiled = []
        for index, pattern in enumerate(data.get(key) or []):
            regex = _compile(path, lines.get((key, index)), pattern, key)
            if not set(groups_needed) <= set(regex.groupindex):
                raise ConfigError(path, lines.get((key, index)), f"{key} regexes need the groups {', '.join(groups_needed)}")
            compiled.append(regex)
        patterns[key] = tuple(compiled)
    layout = data.get("layout", "auto")
    template = tuple(data.get("template") or ())
    if layout not in LAYOUTS:
        raise ConfigError(path, lines.get(("layout",)), f"layout must be one of {', '.join(LAYOUTS)}")
    if layout == "template" and (not template or list(template) != sorted(template)
                                 or not all(isinstance(x, (int, float)) and 0 < x < 1 for x in template)):
        raise ConfigError(path, lines.get(("template",)) or lines.get(("layout",)),
                          "a template layout needs template: increasing column boundaries, fractions of the page width")
    return Family(
        id=data["id"], name=data["name"], scheme=data["scheme"], scale_max=float(data["scale_max"]),
        url_patterns=url_patterns, text_phrases=phrases, year_patterns=year_patterns, columns=columns,
        groups=tuple(groups), level=level, decimal=numbers["decimal"], thousands=numbers["thousands"],
        decimals=int(data.get("decimals", 2)),
        missing=tuple(normalise_header(str(m)) for m in data.get("missing", ["-", "–", "—", ""])),
        skip_rows=tuple(_compile(path, lines.get(("skip_rows", i)), p, "skip_rows")
                        for i, p in enumerate(data.get("skip_rows") or [])),
        totals=patterns["totals"], bands=patterns["bands"], layout=layout, template=template,
        max_pages=int(data.get("max_pages", 300)), source_file=str(path),
        version=hashlib.sha256(path.read_bytes()).hexdigest()[:12], notes=data.get("notes", ""),
    )


def load_families(directory: Path = REPORTS_DIR) -> dict[str, Family]:
    families = {f.id: f for f in (parse_family(p) for p in sorted(directory.glob("*.yaml")))}
    if not families:
        raise ConfigError(directory, None, "no document family files (*.yaml) here")
    return families
