"""Names in official tables → the canonical agencies and Kemendagri regions news records use.

News records name a government "Pemerintah Kabupaten Serang", a unit "Dinas Sosial Kabupaten
Serang", a national body by its full name ("Kementerian Sosial"); regions are the gazetteer's
(`config.Rules.regions`). An official table writes "Serang" under a "PEMERINTAH KABUPATEN"
heading, "Kab. Serang", "Kota Serang", a Kemendagri code, or "Dinas Sosial" in a Kabupaten Serang
report; OCR may drop the spaces ("KotaSerang"). `NameIndex.canonical` maps all of these, or
says why it cannot. Pure: built from the rules, no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = re.compile(r"^(?:pemerintah\s+)?(provinsi|prov\.?|kabupaten|kab\.?|kota|pemprov|pemkab|pemkot)\s+(.+)$", re.I)
PREFIX_LEVEL = {"provinsi": "provinsi", "prov": "provinsi", "pemprov": "provinsi", "kabupaten": "kabupaten",
                "kab": "kabupaten", "pemkab": "kabupaten", "kota": "kota", "pemkot": "kota"}
GOVERNMENT_LEVELS = ("provinsi", "kabupaten", "kota")
NATIONAL_HEADS = re.compile(r"^(kementerian|kementrian|kemenko|badan|lembaga|komisi|kejaksaan|kepolisian|"
                            r"mahkamah|sekretariat|arsip|perpustakaan|ombudsman|otoritas|dewan)\b", re.I)
IN_TEXT = re.compile(r"\b(Provinsi|Kabupaten|Kota)\s+((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,3})")


def squash(text: str) -> str:
    """Letters and digits only, lowercase: how names are compared (OCR loses spaces)."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def clean_name(text: str) -> str:
    """Footnote marks, leading numbering and doubled spaces off a written name."""
    text = re.sub(r"^\s*\d+[.)]\s+", "", text)
    return " ".join(text.replace("*", " ").split()).strip(" ,;:")


@dataclass(frozen=True)
class Canonical:
    entity: str | None
    region: object | None      # config.Region
    level: str | None
    problem: str | None = None


class NameIndex:
    def __init__(self, regions, region_aliases: dict, agencies: list[dict]):
        self.by_level = {(r.level, squash(r.core)): r for r in regions}
        self.by_name = {squash(r.name): r for r in regions}
        self.by_code = {r.code: r for r in regions}
        self.aliases = {squash(alias): region for alias, region in region_aliases.items()}
        self.agencies = {row["alias"].lower(): row["canonical"] for row in agencies}

    @classmethod
    def from_rules(cls, rules) -> "NameIndex":
        return cls(rules.regions, rules.region_aliases, rules.agencies)

    def region_named(self, core: str, level: str | None):
        key = squash(core)
        if level:
            found = self.by_level.get((level, key))
            if found:
                return found
        found = self.by_name.get(key) or self.aliases.get(key)
        if found and (level is None or found.level == level):
            return found
        return None

    def region_in_text(self, text: str):
        """The first gazetteer region a title or heading names ("… Pemerintah Kota Serang Tahun 2024")."""
        for match in IN_TEXT.finditer(text):
            words = match[2].split()
            for size in range(len(words), 0, -1):   # longest first: "Tangerang Selatan" before "Tangerang"
                found = self.region_named(" ".join(words[:size]), match[1].lower())
                if found:
                    return found
        return None

    def canonical(self, written: str, level: str | None, document_region=None, code: str | None = None) -> Canonical:
        name = clean_name(written)
        if not name:
            return Canonical(None, None, level, "no name in the entity column")
        if code:
            region = self.by_code.get(code.strip())
            if region is None:
                return Canonical(None, None, level, f"no Kemendagri region has the code {code!r}")
            return Canonical(f"Pemerintah {region.name}", region, region.level)
        prefixed = PREFIX.match(name)
        if prefixed:
            level = PREFIX_LEVEL[prefixed[1].lower().rstrip(".")]
            core = prefixed[2]
        else:
            core = name
        if level in GOVERNMENT_LEVELS or (prefixed is None and not level and not NATIONAL_HEADS.match(name)):
            region = self.region_named(core, level)
            if region is None:
                if level is None:
                    return Canonical(None, None, None, f"{name!r} names no Kemendagri region, and the table does "
                                                       "not say what kind of entity it is")
                return Canonical(None, None, level, f"no {level} named {core!r} in the Kemendagri gazetteer")
            return Canonical(f"Pemerintah {region.name}", region, region.level)
        if level == "unit":
            if document_region is None:
                return Canonical(None, None, level, f"the unit {name!r} belongs to a pemda the document does not name")
            unit = self.agencies.get(name.lower(), name)
            if squash(unit).endswith(squash(document_region.name)):
                return Canonical(unit, document_region, level)
            return Canonical(f"{unit} {document_region.name}", document_region, level)
        # a national body: kementerian, lembaga, badan (no region)
        return Canonical(self.agencies.get(name.lower(), name), None, level or "lembaga")
