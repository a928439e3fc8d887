"""Who can be evaluated in a sentence: governments, agencies and bare region names.

A government is a prefix and a gazetteer region ("Pemkab Serang"); an agency is an alias
("Dinsos") or a head word running over capitalised words ("Dinas Sosial dan Pemberdayaan
Masyarakat"), then its region if written. Mentions after comparison or parent markers, and the
assessors themselves, are marked so attachment passes them by. Pure.
"""
from __future__ import annotations

from dataclasses import dataclass

from .regions import resolve_region

# units whose own name follows their type ("RSUD Kudungga", "Kantor Imigrasi Sukabumi")
NAMED_UNIT_KINDS = ("rsud", "kantor", "puskesmas")


@dataclass
class Mention:
    """A named entity that can be evaluated: a government, an agency, or a bare region name."""
    start: int               # token index in the sentence doc
    end: int
    kind: str                # gov | agency | bare
    written: str
    base_name: str           # "Dinas Sosial", or "" for governments
    region: object | None    # config.Region
    comparison: bool = False
    rule: str = ""
    foreign: bool = False    # carried over from an earlier sentence: its token indices are not ours
    parent: bool = False     # "di lingkungan Pemkab Serang": the units' government, not a result

    def entity_name(self, fallback_region) -> tuple[str, object | None]:
        region = self.region or (fallback_region if self.kind == "agency" else None)
        if self.kind == "agency":
            if region is not None and self.base_name.split()[0] not in ("Kementerian",) \
                    and not self.base_name.endswith(region.core):
                return f"{self.base_name} {region.name}", region
            return self.base_name, region
        return f"Pemerintah {region.name}" if region else self.written, region


def find_mentions(vocab, doc, found, dateline_end: int = 0) -> list[Mention]:
    """Entities in a sentence; `dateline_end` masks "SERANG, Warta Banten Raya –" (an outlet, not a party)."""
    mentions: list[Mention] = []
    by_start = {}
    for item in found:
        by_start.setdefault(item.start, []).append(item)
    i = 0
    while i < len(doc):
        items = by_start.get(i, [])
        labels = {f.label: f for f in items}
        if "GOV" in labels:
            gov = labels["GOV"]
            j = gov.end
            if j < len(doc) and doc[j].text == ".":
                j += 1
            j = _skip_parenthetical(doc, j)
            region_item = next((f for f in by_start.get(j, []) if f.label == "REGION"), None)
            if region_item:
                region = region_from_item(vocab, doc, region_item, gov.value)
                if region:
                    mentions.append(Mention(i, region_item.end, "gov", doc[i:region_item.end].text, "",
                                            region, rule="entity.government_prefix"))
                    i = region_item.end
                    continue
        if "AGENCY" in labels or "HEAD" in labels:
            mention = _agency(vocab, doc, i, labels, by_start)
            if mention:
                mentions.append(mention)
                i = mention.end
                continue
        if "REGION" in labels:
            item = labels["REGION"]
            region = region_from_item(vocab, doc, item, None)
            place = i > 0 and (doc[i - 1].lower_.rstrip("-") in vocab.location_markers or (
                doc[i - 1].text == "-" and i > 1 and doc[i - 2].lower_ in vocab.location_markers))
            if region and doc[item.start].text[0].isupper() and not place:
                mentions.append(Mention(i, item.end, "bare", doc[i:item.end].text, "", region,
                                        rule="entity.bare_region"))
                i = item.end
                continue
        i += 1
    for mention in mentions:
        before = " " + doc[max(0, mention.start - 4):mention.start].text.lower()
        mention.parent = any(before.endswith(" " + m) for m in vocab.lex["parent_markers"])
        mention.comparison = (
            mention.parent or any(before.endswith(" " + m) for m in vocab.lex["comparison_markers"])
            or mention.written.lower() in vocab.evaluators or mention.base_name.lower() in vocab.evaluators)
    for index, mention in enumerate(mentions):
        after = [t.lower_ for t in doc[mention.end: mention.end + 2]]
        if mention.comparison and (after[:1] == ["yang"] or after == [",", "yang"]):
            mention.comparison = False  # "mengungguli Kota Surabaya, yang ... indeks 4,57": its own score
        previous = mentions[index - 1] if index else None
        if (mention.kind == "bare" and previous and doc[mention.start - 1].text == ","
                and previous.end == mention.start - 1 and mention.region.level == "provinsi"
                and (previous.region is None or previous.region.level != "provinsi")):
            mention.comparison = True  # "Kabupaten Cilacap, Jawa Tengah": where the other one lies
    return [m for m in mentions if m.start >= dateline_end]


def region_from_item(vocab, doc, item, level: str | None):
    kind, _, key = item.value.partition(":")
    if kind == "alias":
        region = vocab.rules.region_aliases.get(key)
        return region if level is None or region.level == level else None
    return resolve_region(vocab, doc[item.start:item.end].text.title() if doc[item.start:item.end].text.isupper()
                          else doc[item.start:item.end].text, level)


def _agency(vocab, doc, i: int, labels: dict, by_start: dict) -> Mention | None:
    """An agency name: an alias ("Dinsos") or a head ("Dinas") running over capitalised words,
    then, if written, its region ("Kota Madiun", "Batam")."""
    rules = vocab.rules
    if "AGENCY" in labels:
        item = labels["AGENCY"]
        row = rules.agencies[int(item.value.split(":")[1])]
        base, end, kind, rule = row["canonical"], item.end, row["kind"], "entity.agency_alias"
        # "RSUD Embung Fatimah", "Samsat Cikokol": a proper name follows; the unit is known by
        # the abbreviation and that name, so both are kept as written
        tail_end = _capitalised_run(doc, end, by_start)
        if kind in NAMED_UNIT_KINDS and tail_end > end:
            base, end = doc[i:tail_end].text, tail_end
    else:
        item = labels["HEAD"]
        kind = rules.agency_heads[int(item.value.split(":")[1])]["kind"]
        end = _capitalised_run(doc, item.end, by_start, allow_lower=doc[item.start].text.islower())
        if end == item.end and kind in ("dinas", "badan", "kantor", "sekretariat", "lembaga", "kementerian",
                                        "desa", "kecamatan", "puskesmas", "polisi"):
            return None  # "Dinas", "UPT Puskesmas" alone are common nouns, not a named unit
        written = doc[i:end].text
        # "Dinas Dukcapil", "Dinas Kominfo": a head followed by a known abbreviation
        alias_row = vocab.agency_by_alias.get(written.lower()) or (
            vocab.agency_by_alias.get(doc[item.end:end].text.lower()) if end > item.end else None)
        base = alias_row["canonical"] if alias_row else _title_name(written)
        rule = "entity.agency_head"
    region = None
    gov = next((f for f in by_start.get(end, []) if f.label == "GOV"), None)
    if gov:  # "Dinas Sosial Kota Madiun"
        k = gov.end + (1 if gov.end < len(doc) and doc[gov.end].text == "." else 0)
        reg = next((f for f in by_start.get(k, []) if f.label == "REGION"), None)
        region = region_from_item(vocab, doc, reg, gov.value) if reg else None
        if region:
            end = reg.end
    else:  # "Disdukcapil Batam", "Kantor Imigrasi Kelas II Sukabumi"
        reg = next((f for f in by_start.get(end, []) if f.label == "REGION"), None)
        if reg:
            region = region_from_item(vocab, doc, reg, None)
            if kind in NAMED_UNIT_KINDS or kind in ("polisi", "lembaga"):
                # an office named after a town that is both a kota and a kabupaten sits in the kota
                region = region or region_from_item(vocab, doc, reg, "kota")
                base = f"{base} {doc[reg.start:reg.end].text}"  # the place is part of the office's name
                end = reg.end
            elif region:
                end = reg.end
    return Mention(i, end, "agency", doc[i:end].text, base, region, rule=rule)


def _skip_parenthetical(doc, j: int) -> int:
    """"Pemerintah Kabupaten (Pemkab) Serang": step over the bracketed abbreviation."""
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
        return j + 3
    return j


def _capitalised_run(doc, j: int, by_start: dict, allow_lower: bool = False) -> int:
    """End of a run of capitalised words (and "dan", "&", ",") that continues an agency name."""
    end = j
    k = j
    n = len(doc)
    while k < n:
        token = doc[k]
        if any(f.label in ("GOV", "REGION") for f in by_start.get(k, [])) and k > j:
            break
        if any(f.label in ("GOV",) for f in by_start.get(k, [])):
            break
        if token.text[:1].isupper() and token.is_alpha or (allow_lower and token.is_alpha and k == j and token.is_lower and len(token) > 3):
            k += 1
            end = k
            continue
        # "Perindustrian dan Perdagangan", "Barang/Jasa", "Perempuan, Perlindungan Anak dan ...":
        # joiners inside a name, as long as what follows is not the start of another name
        if token.text in ("dan", "&", "/", ",") and k + 1 < n and doc[k + 1].text[:1].isupper() and not any(
                f.label in ("GOV", "REGION", "AGENCY", "HEAD") for f in by_start.get(k + 1, [])) and (
                token.text != "," or _comma_inside_name(doc, k)):
            k += 1
            continue
        break
    return end


def _comma_inside_name(doc, k: int) -> bool:
    """A comma continues a name only when a "dan" closes the enumeration within the next few
    capitalised words: "Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana"."""
    for token in doc[k + 1: k + 6]:
        if token.lower_ == "dan":
            return True
        if not token.text[:1].isupper():
            return False
    return False


def _title_name(written: str) -> str:
    words = written.split()
    return " ".join(w if w.isupper() or not w.islower() or w in ("dan",) else w.capitalize() for w in words)
