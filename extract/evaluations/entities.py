"""Who can be evaluated in a sentence, found by the shape of names rather than by a list.

1. A government: a prefix and a region ("Pemkab Serang", "Kota Tebingtinggi", "Kabupaten Timor
   Tengah Utara (TTU)").
2. A unit: an alias ("Dinsos", "BPN") or a head word ("Dinas", "Kantor", "Polres", "Bank",
   "Universitas") running over the capitalised words of its name, then its place if written.
   How a place after a unit's name counts depends on the unit's kind (`unit_places` in the
   lexicon): the government's region ("Dinas Sosial Kota Madiun"), part of the unit's own name
   ("Polres Tuban", "Kantor Pertanahan Dompu"), or nothing (a national body). A national
   body's local office has its own name ("BPN Kabupaten Aceh Utara" is a Kantor Pertanahan).
3. A body the article defines itself: "Pusat Pelaporan dan Analisis Transaksi Keuangan (PPATK)",
   and "PPATK" after it.
4. A bare region name ("Luwu Utara 85,85"), unless it only says where ("digelar di Makassar").

Gazetteers name what they know; they never decide whether a name is an entity. Each mention
gets a role: the party evaluated, or an assessor, a comparison, a parent government or a place,
which attachment passes by. Pure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .language import GLUED_WORDS
from .numbers import MONTH_WORD, YEAR_TOKEN, count_of
from .patterns import LETTER_GRADE
from .regions import resolve_region

LIST_MARKS = (",", ";", ":", "-", "–", "•")  # what stands before an item of an enumeration
MAX_UNKNOWN_NAME_WORDS = 8

PARTY, ASSESSOR, COMPARISON, PARENT, PLACE = "party", "assessor", "comparison", "parent", "place"


@dataclass(frozen=True)
class Mention:
    """A named body in a sentence: a government, a unit, a defined body, or a bare region."""
    start: int               # token span in the sentence doc
    end: int
    kind: str                # gov | agency | defined | bare
    written: str             # as the text has it
    base_name: str           # the unit's name without its government ("Dinas Sosial"); "" for governments
                             # of known regions, the full name for one no gazetteer knows
    region: object | None    # config.Region
    rule: str = ""
    role: str = PARTY
    place_named: bool = False  # the unit's name holds its place ("Polres Tuban"): no other region is added
    national: bool = False     # a national body: no local region is ever added
    place_written: str = ""    # the region as written ("Pagaralam"), when the text spells it its own way
    foreign: bool = False      # carried over from an earlier sentence: its token indices are not ours

    @property
    def comparison(self) -> bool:
        """Not the evaluated party: an assessor, a comparison, a parent government or a place."""
        return self.role != PARTY

    @property
    def parent(self) -> bool:
        return self.role == PARENT

    @property
    def body(self) -> str:
        """What the mention names, its place aside: "Dinas Dukcapil" and "Dinas Dukcapil DKI
        Jakarta" in one article are one body, the article's subject when it is the most named."""
        return self.base_name if self.kind in ("agency", "defined") and self.base_name else self.entity_name(None)[0]

    def entity_name(self, fallback_region) -> tuple[str, object | None]:
        """The canonical name Rapor reports, and the region it belongs to."""
        if self.kind in ("agency", "defined"):
            if self.place_named or self.national:
                return self.base_name, self.region
            region = self.region or fallback_region
            if region is not None and not self.base_name.endswith(region.core):
                return f"{self.base_name} {region_display(region, self.place_written)}", region
            return self.base_name, region
        if self.region is None:
            return self.base_name or self.written, None
        return f"Pemerintah {region_display(self.region, self.place_written)}", self.region


def region_display(region, written: str = "") -> str:
    """"Kota Pagaralam" where the text writes the gazetteer's "Pagar Alam" as one word: the
    outlet's spelling of the same place, under the gazetteer's level."""
    if written and written.replace(" ", "").lower() == region.core.replace(" ", "").lower() \
            and written.lower() != region.core.lower():
        return f"{region.name[: len(region.name) - len(region.core)]}{written}"
    return region.name


# ---------------------------------------------------------------------------------------------

def find_mentions(vocab, doc, found, defined: dict | None = None, dateline_end: int = 0) -> list[Mention]:
    """Entities of one sentence, left to right; `dateline_end` masks "SERANG, Warta Banten Raya –"
    (the outlet, not a party); `defined` holds the article's own abbreviations."""
    defined = defined or {}
    by_start: dict[int, list] = {}
    for item in found:
        by_start.setdefault(item.start, []).append(item)
    reader = _Reader(vocab, doc, by_start, defined)
    mentions: list[Mention] = []
    i = 0
    while i < len(doc):
        mention = reader.government(i) or reader.unit(i) or reader.defined_body(i) or reader.unknown_unit(i) \
            or reader.bare_region(i) or reader.anaphor(i)
        if mention:
            mentions.append(mention)
            i = mention.end
        else:
            i += 1
    # "Badan Publik", "Partai Politik": the name of a kind of body, never one body; nor is a unit
    # said of a whole country or province ("Dinas Dukcapil di seluruh Indonesia")
    mentions = [m for m in mentions if not _names_a_kind(vocab, m.base_name) and not _said_of_all(vocab, doc, m)
                and not _counted_kind(vocab, doc, m) and not _place_of_a_tally(vocab, doc, m)]
    mentions = [_with_role(vocab, doc, m, mentions[k - 1] if k else None) for k, m in enumerate(mentions)]
    mentions = _inherit_list_heads(vocab, doc, mentions)
    return [m for m in mentions if m.start >= dateline_end]


class _Reader:
    """Reads one kind of name at a token position; None where no name of that kind starts."""

    def __init__(self, vocab, doc, by_start, defined):
        self.vocab, self.doc, self.by_start, self.defined = vocab, doc, by_start, defined

    def span(self, i: int, label: str):
        return next((f for f in self.by_start.get(i, []) if f.label == label), None)

    def labels(self, i: int) -> set:
        return {f.label for f in self.by_start.get(i, [])}

    def skip_bracket(self, j: int) -> int:
        """Past a bracketed abbreviation after a name, but not past a label in brackets
        ("Lapas Kelas IIB Wonosari (WBK)": the unit's award, read by the predicate stage)."""
        if j + 1 < len(self.doc) and self.labels(j + 1) & {"PREDICATE", "GRADE"}:
            return j
        return skip_parenthetical(self.doc, j)

    def _name_past_bracket(self, j: int) -> tuple[int, int] | None:
        """The capitalised words that go on with a name after its short form in brackets at `j`,
        (start, end); None if there are none (a place, a label or nothing follows)."""
        past = self.skip_bracket(j)
        if past == j or self._legal_form_end(j) is not None:
            return None  # "PT PLN (Persero) UIW NTT": a legal form, read with the company's name
        end = capitalised_run(self.vocab, self.doc, past, self.by_start)
        return (past, end) if end > past and "AGENCY" not in self.labels(past) else None

    # 1. governments ---------------------------------------------------------------------------
    def government(self, i: int) -> Mention | None:
        gov = self.span(i, "GOV")
        if gov is None:
            return None
        j = gov.end + (1 if gov.end < len(self.doc) and self.doc[gov.end].text == "." else 0)
        j = self.skip_bracket(j)
        place = self.span(j, "REGION")
        if place is None:
            return self.government_of_unknown_place(i, gov, j)
        region = region_from_item(self.vocab, self.doc, place, gov.value)
        if region is None:
            return None
        end = place.end
        # "Kabupaten Toba Samosir": a second name of the same level written on is the same name
        following = self.span(end, "REGION")
        if following is not None and self.doc[end].text[:1].isupper():
            other = region_from_item(self.vocab, self.doc, following, None)
            if other is not None and other.level != "provinsi":
                end = following.end
        end = self.skip_bracket(end)  # "Kabupaten Timor Tengah Utara (TTU)"
        return Mention(i, end, "gov", self.doc[i:end].text, "", region, rule="entity.government_prefix",
                       place_written=self.doc[place.start:place.end].text)

    def government_of_unknown_place(self, i: int, gov, j: int) -> Mention | None:
        """"Kabupaten Mamberamo Hulu 90,05": a level word and a capitalised name no gazetteer
        knows is still a government (a new region, a spelling of the outlet's); were it not read,
        its score would fall on the government named before it."""
        doc, vocab = self.doc, self.vocab
        if not gov.value or not doc[i].is_title:
            return None  # "kabupaten lain", "PEMPROV JATIM JUGA ZONA HIJAU" (a headline in capitals)
        end = j
        while end < len(doc) and end - j < 3 and doc[end].is_alpha and doc[end].is_title \
                and not doc[end].is_stop and not self.labels(end) and doc[end].text not in vocab.lex["not_place_names"]:
            end += 1
        if end == j:
            return None
        # "Pemkot Tidore": the first words of the one name of that level the gazetteer knows
        known = resolve_region(vocab, doc[j:end].text, gov.value)
        if known is not None:
            return Mention(i, end, "gov", doc[i:end].text, "", known, rule="entity.government_prefix",
                           place_written=doc[j:end].text)
        name = f"Pemerintah {gov.value.capitalize()} {doc[j:end].text}"
        return Mention(i, end, "gov", doc[i:end].text, name, None, rule="entity.government_unknown_place")

    # 2. units ---------------------------------------------------------------------------------
    def unit(self, i: int) -> Mention | None:
        vocab, doc = self.vocab, self.doc
        alias = self.span(i, "AGENCY")
        head = self.span(i, "HEAD")
        if alias is None and head is None:
            return None
        if alias is not None and (not head or alias.end >= head.end):
            if _glued(doc, alias.end):
                return None  # "PAN-RB", "KemenPAN-RB": part of a longer abbreviation
            row = vocab.agency_rows[alias.value.partition(":")[2]]
            defined_as = self.defined.get(doc[alias.start:alias.end].text, "")
            if defined_as.islower() and defined_as != row["canonical"].lower():
                return None  # "pengujian kendaraan bermotor (PKB)": the article's PKB is no party
            kind, rule, name_end, head_end = row["kind"], "entity.agency_alias", alias.end, alias.end
            tail_end = capitalised_run(vocab, doc, alias.end, self.by_start)
            named_on = self._name_past_bracket(alias.end)
            if vocab.unit_places.get(kind) == "named" and tail_end > alias.end:
                base, name_end = _title_name(doc[i:tail_end].text), tail_end  # "RSUD Embung Fatimah"
            elif named_on is not None:
                # "Rumah Sakit Umum Daerah (RSUD) Benyamin Guluh": the short form in brackets, then the name
                base, name_end = _title_name(f"{doc[i:alias.end].text} {doc[named_on[0]:named_on[1]].text}"), named_on[1]
            else:
                base = row["canonical"]
        else:
            kind, head_end = vocab.head_kinds[head.value.partition(":")[2]], head.end
            name_end = capitalised_run(vocab, doc, head.end, self.by_start,
                                       allow_lower=doc[head.start].text.islower())
            # "Kantor Pelayanan Pajak (KPP) Pratama Kupang", "Lembaga Pemasyarakatan (Lapas) Kelas IIA
            # Kupang": the short form in brackets, then the name goes on
            named_on = self._name_past_bracket(name_end)
            if name_end == head.end and named_on is None and not self.span(head.end, "REGION") \
                    and (kind not in vocab.self_named_kinds or any(t.is_lower for t in doc[head.start:head.end])) \
                    and not (head.end - head.start > 1 and self.labels(self.skip_bracket(head.end)) & {"GOV", "REGION"}) \
                    and not (doc[head.start].text in vocab.lex["place_named_heads"] and self.span(head.end, "GOV")):
                # "Dinas", "UPT Puskesmas" alone are common nouns, not a named unit, and so is
                # "rumah sakit" in lower case; a head of several words is the name of its kind of
                # unit, and its place completes it ("Mal Pelayanan Publik Kota Madiun"), as it
                # completes a short form ("Kejari Kota Depok")
                government = self.government(head.end) if self.span(head.end, "GOV") else None
                if government is not None:
                    # "Dinas Kota Depok": some office of that government, which is not the one evaluated
                    return replace(government, start=i, written=doc[i:government.end].text, role=PLACE)
                return None
            written = doc[i:name_end].text
            # "Dinas Dukcapil", "Dinas Kominfo": a head followed by a known abbreviation
            alias_row = vocab.agency_by_alias.get(written.lower()) or (
                vocab.agency_by_alias.get(doc[head.end:name_end].text.lower()) if name_end > head.end else None)
            base = _title_name(written)
            if alias_row and kind == "kantor" and alias_row["canonical"] in vocab.local_offices:
                # "Kanwil BPN Aceh": the office of a national body, named by the region it sits in
                base, kind = alias_row["canonical"], "office"
            elif alias_row and (alias_row["kind"] == kind or written.lower() in vocab.agency_by_alias):
                base = alias_row["canonical"]
            elif alias_row and alias_row["kind"] in vocab.unit_places and alias_row["kind"] != "partai":
                # "Dinas Kominfo": the ministry's field under the written head, "Dinas Komunikasi dan
                # Informatika"; "Kementerian PAN" is never the party PAN
                base = f"{doc[i:head.end].text} {alias_row['canonical'].split(' ', 1)[1]}"
            rule = "entity.agency_head"
            if named_on is not None:
                base, name_end = f"{base} {_title_name(doc[named_on[0]:named_on[1]].text)}", named_on[1]
        if doc[name_end - 1].lower_ in vocab.honorifics:
            return None  # "• RSUD Dr" where the page cut the list: the name is incomplete
        form_end = self._legal_form_end(name_end)
        k = name_end
        # "PT Bank NTT (Perseroda)", "PT Bank Riau Kepri Syariah (Perseroda)": places and words
        # before a legal form are the company's name
        while form_end is None and k < min(len(doc), name_end + LEGAL_FORM_REACH) and doc[k].text[:1].isupper() \
                and doc[k].is_alpha:
            k += 1
            form_end = self._legal_form_end(k)
        if form_end is not None:  # "PT PLN (Persero) UIW NTT": the company's unit is named after its form
            name_end = capitalised_run(vocab, doc, form_end, self.by_start)
            base = _title_name(doc[i:name_end].text)
        place_kind = vocab.unit_places.get(kind, "local")
        national = kind in vocab.national_kinds or place_kind == "own" or (
            place_kind != "local" and base.split()[-1] in vocab.national_name_words)
        end = self.skip_bracket(name_end)  # "Badan Pertanahan Nasional (BPN) Kabupaten Aceh Utara"
        if end + 1 < len(doc) and doc[end].lower_ == "di" and self._town_at(end + 1):
            end += 1  # "Loka POM di Kabupaten Banyumas": the unit's place after "di"
        region, place_named, written_place = None, False, ""
        if self.span(end, "GOV") is not None:  # "Dinas Sosial Kota Madiun", "Kantor Pertanahan Kota Bima"
            region, written_place, end = self._government_after(end, region, written_place)
        elif self.span(end, "REGION") is not None:  # "Disdukcapil Batam", "Polres Sumbawa Barat"
            place = self.span(end, "REGION")
            level = "kota" if place.end < len(doc) and doc[place.end].text == "Kota" else None
            named = place_kind in ("named", "own")
            region = region_from_item(vocab, doc, place, level) or (
                region_from_item(vocab, doc, place, "kabupaten") if named else None)
            if region is not None or named:
                written_place, end = doc[place.start:place.end].text, place.end
                if level:
                    end += 1  # "Polres Bima Kota"
                tail = end
                while named and tail < len(doc) and doc[tail].text in vocab.lex["place_name_tails"] \
                        and not self.span(tail, "REGION"):
                    tail += 1
                if named and tail == end and self._names_on(tail):
                    tail += 1  # "KPP Pratama Bandung Cibeunying": a unit named after more than its city
                if tail > end:  # "Puskesmas Tegal Barat": named after more than its place, in the local government
                    base, end, region, written_place = f"{base} {doc[place.start:tail].text}", tail, None, ""
                    region, written_place, end = self._government_after(end, region, written_place)
                elif named:
                    base, place_named = f"{base} {doc[place.start:end].text}", True
        if region is None and not place_named and kind in vocab.lex["vertical_kinds"] and doc[name_end - 1].is_title \
                and any(t.text in vocab.lex["class_words"] for t in doc[head_end:name_end - 1]):
            # "Lapas Kelas IIB Slawi", "Kantor Imigrasi Kelas II Wonosobo": a national body's unit, its
            # class, then the place no gazetteer knows that it is named after; not a unit of the
            # article's region
            place_named = True
        office = self.representative_office(end)
        if office is not None:  # "BPKP Perwakilan Sulawesi Tenggara": the body's office in a province
            place, end = office
            return Mention(i, end, "agency", doc[i:end].text, f"{base} Perwakilan {region_display(place)}", place,
                           rule=rule, place_named=True)
        local = vocab.local_offices.get(base)
        if local and region is not None and not place_named:
            # "BPN Kabupaten Aceh Utara": a national body's office in a region has its own name
            base, national = local[region.level == "provinsi"], False
        if national and region is None:
            return Mention(i, end, "agency", doc[i:end].text, base, None, rule=rule, national=True)
        return Mention(i, end, "agency", doc[i:end].text, base, region, rule=rule, place_named=place_named,
                       national=national and region is None, place_written=written_place)

    def _legal_form_end(self, k: int) -> int | None:
        """The end of a company's legal form in brackets at `k` ("(Persero)", "(Perseroda)"), which is
        part of its name, not an abbreviation of it."""
        doc = self.doc
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].text in self.vocab.lex["legal_forms"] \
                and doc[k + 2].text == ")":
            return k + 3
        return None

    def _names_on(self, k: int) -> bool:
        """One capitalised word after a unit's place that no rule reads (not a place, a prefix, a
        name, a label or a verb of a headline: "Raih", "Sabet") and that ends the name."""
        vocab, doc = self.vocab, self.doc
        if k >= len(doc) or not (doc[k].is_alpha and doc[k].is_title) or self.labels(k):
            return False
        word = doc[k].lower_
        if word in vocab.award_cues or word in vocab.score_cues or word in vocab.lex["receiving_verbs"] \
                or word in vocab.coordinators or doc[k].is_stop:
            return False
        return k + 1 == len(doc) or not (doc[k + 1].is_title or doc[k + 1].is_upper)

    def _government_after(self, end: int, region, written_place: str) -> tuple:
        """(region, place as written, end) when a government's name follows a unit's name at
        `end` ("… Kota Madiun", "Puskesmas Semarang Barat Kota Semarang"); else what was given."""
        doc, gov = self.doc, self.span(end, "GOV")
        if gov is None or gov.end >= len(doc):
            return region, written_place, end
        k = gov.end + (1 if doc[gov.end].text == "." else 0)
        place = self.span(k, "REGION")
        found = region_from_item(self.vocab, doc, place, gov.value) if place else None
        if found is None:
            return region, written_place, end
        return found, doc[place.start:place.end].text, place.end

    def representative_office(self, k: int):
        """"… Perwakilan (Provinsi) Jawa Timur": (region, end) of a representative office's place."""
        doc = self.doc
        if k >= len(doc) or doc[k].text not in self.vocab.representative_words:
            return None
        j = k + 1
        gov = self.span(j, "GOV")
        if gov is not None:
            j = gov.end
        place = self.span(j, "REGION")
        region = region_from_item(self.vocab, doc, place, gov.value if gov else None) if place else None
        return (region, place.end) if region is not None else None

    # 3. bodies the article defines ------------------------------------------------------------
    def defined_body(self, i: int) -> Mention | None:
        doc = self.doc
        token = doc[i]
        if token.text in self.defined and not self.labels(i):
            long_form = self.defined[token.text]
            if self.vocab.is_institution(long_form):
                office = self.representative_office(i + 1)
                if office is not None:
                    place, end = office
                    return Mention(i, end, "defined", doc[i:end].text, f"{long_form} Perwakilan {region_display(place)}",
                                   place, rule="entity.defined_abbreviation", place_named=True)
                place = self.span(i + 1, "REGION")
                if place is not None:
                    # "PA Padang", "PN Kupang": the defined unit's short form, then its place
                    region = region_from_item(self.vocab, doc, place, None)
                    return Mention(i, place.end, "defined", doc[i:place.end].text,
                                   f"{long_form} {doc[place.start:place.end].text}", region,
                                   rule="entity.defined_abbreviation", place_named=True)
                return Mention(i, i + 1, "defined", token.text, long_form, None, rule="entity.defined_abbreviation",
                               national=True)
        for short, long_form in self.defined.items():
            if token.text == long_form.split()[0] and doc.text.startswith(long_form, token.idx) \
                    and self.vocab.is_institution(long_form):
                span = doc.char_span(token.idx, token.idx + len(long_form), alignment_mode="expand")
                if span is None:
                    continue
                end = self.skip_bracket(span.end)
                return Mention(i, end, "defined", doc[i:end].text, long_form, None, rule="entity.defined_long_form",
                               national=True)
        return None

    # 3b. units of a kind no list knows, in an enumeration --------------------------------------
    def unknown_unit(self, i: int) -> Mention | None:
        """"…, yaitu KPPBC Tipe Madya Pabean C Cilacap, BBPOM di Semarang dan …": in an
        enumeration, a run of capitalised words that ends on a place is a unit named after it,
        though no head or list knows its kind; its place is not the government of the place."""
        vocab, doc = self.vocab, self.doc
        first = doc[i]
        if not (first.is_alpha and (first.is_title or first.is_upper)) or first.is_stop or self.labels(i):
            return None  # (the cheap test first: this runs at every token no other reader took)
        if i == 0:
            # a sentence opening on one: only an acronym ("KPPBC Cilacap meraih …") is surely a
            # name; "Warga Cilacap …" is not, nor is a headline in capitals ("WARGA CILACAP PUAS")
            if not (doc[0].is_upper and len(doc[0]) >= 2 and len(doc) > 1 and not doc[1].is_upper):
                return None
        elif not (doc[i - 1].text in LIST_MARKS or doc[i - 1].lower_ in vocab.coordinators
                  or doc[i - 1].lower_ in vocab.list_intro or doc[i - 1].lower_ in vocab.clause_connectors
                  or doc[i - 1].lower_ in vocab.lex["continuation_words"]
                  or doc[i - 1].lower_ in vocab.lex["recipient_markers"]  # "… kepada BBPOM di Semarang"
                  or (doc[i - 1].lower_ == "di" and _after_parent_marker(vocab, doc, i))):
            return None  # (after "20 OPD di" it is the parent of the units counted)
        if i > 1 and doc[i - 1].text == ":" and doc[i - 2].lower_ in vocab.lex["credit_words"]:
            return None  # "(Foto: Web Pemkot Makassar)": who took the picture
        k = i
        while k < len(doc) and k - i < MAX_UNKNOWN_NAME_WORDS and not self.labels(k) and not doc[k].is_stop \
                and (doc[k].is_alpha and (doc[k].is_title or doc[k].is_upper) or (
                    k > i and doc[k].is_digit and len(doc[k]) <= 2 and k + 1 < len(doc) and doc[k + 1].is_title)):
            k += 1  # "SMK Negeri 2 Klaten": a unit's number inside its name
        if k == i or any(t.lower_ in vocab.lex["office_holders"] or t.lower_ in vocab.honorifics
                         or t.lower_ in vocab.scheme_words or t.lower_ in vocab.score_cues for t in doc[i:k]):
            return None  # "Pj Gubernur Sumsel": a person's office; "IPP Pemerintah Kota X": a scheme's index
        if k < len(doc) and doc[k].lower_ == "di":  # "BBPOM di Semarang"
            town = self._town_at(k + 1)
            if town is None:
                return None
            place, region = town
        elif self.span(k, "GOV") is not None:
            # "Kankemenag Kota Semarang": a unit's name, then its government's place; but
            # "Pemda Kabupaten X" is that government itself
            if any(t.lower_ in vocab.anaphor_nouns and vocab.anaphor_nouns[t.lower_] != "agency" for t in doc[i:k]):
                return None
            place, region = self._governed_place(k)
            if place is None:
                return None
        else:
            place = self.span(k, "REGION")
            if place is None:
                return None
            region = region_from_item(vocab, doc, place, None) or region_from_item(vocab, doc, place, "kabupaten")
        if not doc[place.start].text[:1].isupper() or (region is None and doc[k].lower_ != "di"):
            return None
        written = doc[i:place.end].text
        unique = region_from_item(vocab, doc, place, None) if self.span(k, "REGION") is place else None
        if unique is not None and all(vocab.anaphor_nouns.get(t.lower_) == "gov" for t in doc[i:k]):
            # "Pemda Alor", "Pemda DIY": the government of the place, whose level the place says
            # ("Pemda Kupang", the city's or the regency's, stays a name of its own)
            return Mention(i, place.end, "gov", written, "", unique, rule="entity.government_of_place",
                           place_written=doc[place.start:place.end].text)
        return Mention(i, place.end, "agency", written, written, region, rule="entity.unknown_named_unit",
                       place_named=True, place_written=doc[place.start:place.end].text)

    def _governed_place(self, k: int) -> tuple:
        """(place span, region) of "Kota Semarang", "Kab. Lebak" at k; (None, None) if none."""
        gov = self.span(k, "GOV")
        if gov is None or gov.end >= len(self.doc):
            return None, None
        place = self.span(gov.end + (1 if self.doc[gov.end].text == "." else 0), "REGION")
        return (place, region_from_item(self.vocab, self.doc, place, gov.value)) if place else (None, None)

    def _town_at(self, k: int):
        """(place span, region) of a kabupaten or kota named at k, with or without its level word;
        a province after "di" is where a group of units is ("Kantor Pertanahan di Provinsi Aceh")."""
        if self.span(k, "GOV") is not None:
            place, region = self._governed_place(k)
        else:
            place = self.span(k, "REGION")
            if place is None:
                return None
            region = region_from_item(self.vocab, self.doc, place, None)
            if region is None and (region_from_item(self.vocab, self.doc, place, "kota")
                                   or region_from_item(self.vocab, self.doc, place, "kabupaten")):
                return place, None  # "di Semarang": a town, the kota or the kabupaten of that name
        return (place, region) if region is not None and region.level != "provinsi" else None

    # 4. bare regions --------------------------------------------------------------------------
    def bare_region(self, i: int) -> Mention | None:
        vocab, doc = self.vocab, self.doc
        item = self.span(i, "REGION")
        if item is None or not doc[item.start].text[0].isupper():
            return None
        if i > 1 and doc[i - 1].text.isdigit() and len(doc[i - 1]) <= 3 and doc[i - 2].text[:1].isupper():
            return None  # "SLBN 1 Lembata", "UPTD XYZ 2 Lembata": the place that ends a numbered unit's name
        region = region_from_item(vocab, doc, item, None) or self._in_list_of_level(i, item)
        if region is None:
            return None
        end = self.skip_bracket(item.end)
        return Mention(i, end, "bare", doc[i:item.end].text, "", region, rule="entity.bare_region",
                       place_written=doc[i:item.end].text)


    def _in_list_of_level(self, i: int, item):
        """"9 kabupaten lain di Sumbar …, yakni Tanah Datar, Solok, Sijunjung": a name that a
        kabupaten and a kota share, in a list a group of kabupaten introduces, is the kabupaten."""
        vocab, doc = self.vocab, self.doc
        intro = next((t.i for t in reversed(doc[:i]) if t.lower_ in vocab.list_intro), None)
        if intro is None or any(t.is_alpha and t.is_lower and t.lower_ not in vocab.coordinators
                                for t in doc[intro + 1:i]):
            return None  # not inside the list the introducer opens
        prefixes = vocab.lex["government_prefixes"]  # "kabupaten", "kota", "pemkab" … said as a common noun
        level = next((prefixes[t.lower_] for t in reversed(doc[max(0, intro - LIST_LEVEL_REACH):intro])
                      if t.is_lower and t.lower_ in prefixes), None)
        return region_from_item(vocab, doc, item, level) if level else None

    # 5. a noun that points back --------------------------------------------------------------
    def anaphor(self, i: int) -> Mention | None:
        """"daerah tersebut", "provinsi itu", "Kabupaten penghasil tambang itu" (a sentence's first
        word, a few describing words before the demonstrative): resolved to an earlier mention by
        `resolve_anaphors`."""
        doc = self.doc
        if doc[i].lower_ not in self.vocab.anaphor_nouns or not (doc[i].is_lower or i == 0) \
                or (i and doc[i - 1].lower_ in self.vocab.anaphor_group_words):
            return None
        k = i + 1
        while k < min(len(doc), i + 1 + ANAPHOR_MODIFIERS) and _describes(self.vocab, doc[k]):
            k += 1
        if k < len(doc) and doc[k].lower_ in self.vocab.demonstratives:
            return Mention(i, k + 1, "anaphor", doc[i:k + 1].text, self.vocab.anaphor_nouns[doc[i].lower_], None,
                           rule="entity.anaphor")
        return None


def resolve_anaphors(mentions: list[Mention], antecedents: list[Mention]) -> list[Mention]:
    """Each "daerah tersebut" becomes the one entity of its kind named just before it, in this
    sentence or the one before; with none or several to choose from it is dropped."""
    out: list[Mention] = []
    for mention in mentions:
        if mention.kind != "anaphor":
            out.append(mention)
            continue
        earlier = [m for m in out if m.role == PARTY and m.kind != "anaphor"] or antecedents
        wanted = mention.base_name
        fitting = [m for m in earlier if (wanted == "agency") == (m.kind in ("agency", "defined"))
                   and (wanted in ("gov", "agency") or (m.region is not None and m.region.level == wanted))]
        names = {m.entity_name(None)[0] for m in fitting}
        if len(names) == 1:
            source = fitting[-1]
            # the noun's own place in its sentence gives its role, not the antecedent's
            out.append(replace(source, start=mention.start, end=mention.end, written=mention.written,
                               rule=f"{source.rule}+entity.anaphor", foreign=False, role=mention.role))
    return out


# ---------------------------------------------------------------------------------------------
# Roles

def _after_parent_marker(vocab, doc, start: int, kind: str = "gov") -> bool:
    """"di lingkungan Pemkab X", "unit layanan Pemkot X", "20 OPD di Kabupaten X": the body the
    units named or counted around it belong to. A unit right after "unit pelayanan" is that unit
    itself ("IKM unit pelayanan RSUD X sebesar 85,12")."""
    before = " " + doc[max(0, start - 5):start].text.lower()
    return any((before.endswith(" " + m) and not (kind == "agency" and m.startswith("unit ")))
               or before.endswith(f" {m} di") for m in vocab.lex["parent_markers"])


def _sets_the_scene(vocab, doc, mention: Mention) -> bool:
    """"Di Kabupaten X, Disdukcapil meraih …", "Sementara itu di Kota Y, Dinsos …": a government
    in a fronted place phrase owns the units the sentence goes on to name."""
    lead = mention.start - 1
    return mention.kind == "gov" and 0 <= lead <= vocab.lex["scene_opening_words"] \
        and doc[lead].lower_ in vocab.lex["scene_markers"] \
        and mention.end < len(doc) and doc[mention.end].text == "," \
        and all(t.is_alpha or t.text == "," for t in doc[:lead])


def _speakers_office(vocab, doc, mention: Mention) -> bool:
    """'"Nilai kita 88,50," ujar Kepala Bagian Organisasi Setda X': a part of the secretariat
    named as the office of the one who spoke, after the speech verb and the office words, speaks
    for its government ("kita"); it is not the one evaluated. ('…," kata Kepala Disdukcapil X'
    is that unit speaking of itself.)"""
    if mention.kind != "agency" or doc[mention.start].lower_ not in vocab.lex["coordinating_heads"]:
        return False
    k = mention.start
    while k > 0 and doc[k - 1].lower_ in vocab.lex["office_holders"]:
        k -= 1
    return k < mention.start and k > 0 and doc[k - 1].lower_ in vocab.lex["speech_verbs"]


def _with_role(vocab, doc, mention: Mention, prior: Mention | None) -> Mention:
    before = " " + doc[max(0, mention.start - 4):mention.start].text.lower()
    previous = doc[mention.start - 1].lower_ if mention.start else ""
    if vocab.is_assessor(mention.written) or vocab.is_assessor(mention.base_name) or _conducts(vocab, doc, mention):
        return replace(mention, role=ASSESSOR)
    if _speakers_office(vocab, doc, mention):
        return replace(mention, role=COMPARISON)
    if _after_parent_marker(vocab, doc, mention.start, mention.kind):
        return replace(mention, role=PARENT)
    if previous in vocab.lex["owner_markers"] and mention.start > 1 and not (
            doc[mention.start - 2].like_num or doc[mention.start - 2].lower_ in vocab.score_cues):
        # "rumah sakit milik Pemkab X": the owner of a unit; but "nilai 96,98 milik Kabupaten X",
        # "skor tertinggi milik …" name whose the score is
        return replace(mention, role=PARENT)
    if any(before.endswith(" " + m) for m in vocab.lex["comparison_markers"]):
        after = [t.lower_ for t in doc[mention.end: mention.end + 2]]
        if after[:1] == ["yang"] or after == [",", "yang"]:
            return mention  # "mengungguli Kota Surabaya, yang ... indeks 4,57": its own score
        if previous == "oleh" and mention.start > 1 and (doc[mention.start - 2].lower_ in vocab.list_intro
                                                          or doc[mention.start - 2].like_num):
            return mention  # "zona kuning diisi oleh Kementerian X", "disusul 96,10 oleh Kabupaten Y": the agent receives it
        if mention.start > 1 and f"{doc[mention.start - 2].lower_} {previous}" in vocab.list_intro:
            return mention  # "…, terdiri dari Kabupaten X, …": the marker ends a phrase that opens a list
        if previous in vocab.evaluators and mention.region is not None and mention.region.level != "provinsi":
            # "Nilai kepatuhan Ombudsman Kabupaten Sleman …": the assessor names the scheme; its
            # offices are provincial, so a kabupaten or kota after it is the one assessed
            return mention
        return replace(mention, role=COMPARISON)
    if _sets_the_scene(vocab, doc, mention):
        return replace(mention, role=PARENT)
    if mention.kind == "agency" and previous == "di" and mention.written.split()[0] in vocab.lex["place_units"]:
        return replace(mention, role=PLACE)  # "Puskesmas X, yang berada di Kecamatan Y, meraih …"
    markers = vocab.location_markers if mention.kind == "bare" else vocab.government_place_markers
    if mention.kind in ("bare", "gov") and (previous.rstrip("-") in markers or (
            previous == "-" and mention.start > 1 and doc[mention.start - 2].lower_ in markers)):
        return replace(mention, role=PLACE)  # "digelar di Makassar", "se-Sulawesi Selatan"
    if (mention.kind == "bare" and prior and doc[mention.start - 1].text == "," and prior.end == mention.start - 1
            and mention.region.level == "provinsi" and (prior.region is None or prior.region.level != "provinsi")):
        return replace(mention, role=PLACE)  # "Kabupaten Cilacap, Jawa Tengah": where the other one lies
    return mention


CONDUCTOR_REACH = 12  # tokens from "yang digelar" to the last body of the name that conducts
EVALUATION_NAME_REACH = 8  # tokens before "yang digelar" in which the evaluation is named ("Indeks Inovasi Daerah (IID) 2023")


def _conducts(vocab, doc, mention) -> bool:
    """"Berdasarkan survei yang digelar Biro Organisasi dan Tata Laksana (Ortala) Kementerian
    Dalam Negeri": the body that conducts the survey is its assessor, not the one assessed."""
    window = doc[max(0, mention.start - CONDUCTOR_REACH):mention.start]
    verb = next((t for t in reversed(window) if t.lower_ in vocab.lex["conduct_verbs"]), None)
    if verb is None or verb.i < 2 or doc[verb.i - 1].lower_ != "yang" \
            or not any(t.lower_ in vocab.lex["evaluation_words"] or t.lower_ in vocab.score_cues
                       for t in doc[max(0, verb.i - EVALUATION_NAME_REACH):verb.i - 1]):
        return False
    return all(t.text[:1].isupper() or t.lower_ in ("oleh", "dan", "(", ")") for t in doc[verb.i + 1:mention.start])


def _inherit_list_heads(vocab, doc, mentions: list[Mention]) -> list[Mention]:
    """"Kantor Pertanahan Aceh Jaya (97,26), Aceh Timur (97,26), Nagan Raya (97,26)": in a list
    of units named after their places, a bare place continues the list and names a unit of the
    same kind."""
    out = list(mentions)
    for index, mention in enumerate(mentions):
        if mention.kind != "bare" or mention.role != PARTY or not index:
            continue
        prior = out[index - 1]
        if prior.kind != "agency" or not prior.place_named or not prior.place_written:
            continue
        gap = doc[prior.end:mention.start]
        if not any(t.lower_ in vocab.list_separators for t in gap) or not all(
                t.lower_ in vocab.list_separators or t.is_punct or t.like_num or t.lower_ in vocab.score_cues
                or t.lower_ in vocab.relative_fillers for t in gap):
            continue  # only separators and the previous item's score ("yang juga bernilai 97,26,") stand between
        head = prior.base_name[: len(prior.base_name) - len(prior.place_written)].strip()
        if not head:
            continue
        # "… di lingkungan Kanwil DJP Riau dan Kepulauan Riau": the item is what the list's first is,
        # the parent of the units around it too
        out[index] = replace(mention, kind="agency", base_name=f"{head} {mention.written}", place_named=True,
                             rule="entity.list_head_inherited", role=prior.role)
    return out


# ---------------------------------------------------------------------------------------------
# Token helpers

LIST_LEVEL_REACH = 15  # tokens before a list's introducer in which its group noun gives the level


def _names_a_kind(vocab, name: str) -> bool:
    """"Badan Publik", and "Badan Publik Informatif" in "dinobatkan sebagai Badan Publik
    Informatif": a kind of body, or a kind with the label given to it."""
    name = name.lower()
    kind = next((c for c in vocab.category_names if name == c or name.startswith(c + " ")), None)
    rest = name[len(kind):].strip() if kind else None
    return kind is not None and (not rest or any(rest in labels for labels in vocab.scheme_predicates.values()))


def _counted_kind(vocab, doc, mention) -> bool:
    """"dari tiga Kantor Pertanahan yang dinilai", "dua Kantor Pertanahan sisanya", "sejumlah
    Puskesmas", "9 kantor BPN lain", "dua Kepala UPT Puskesmas": a head counted, with no place of
    its own, is a group of such bodies. A number that opens the line is its row number ("1
    Puskesmas Sukamaju 88,50")."""
    if mention.kind not in ("agency", "defined") or mention.region is not None or mention.start == 0:
        return False

    def count(token) -> bool:  # "Tahun 2024 Puskesmas X": a year is no count
        if token.lower_ in vocab.lex["group_quantifiers"]:
            return True
        if count_of(vocab, token) is None:
            return False
        return not token.text.isdigit() or (token.i > 0 and doc[token.i - 1].text not in ("\n", ".", ")"))

    # "9 kantor BPN lain": a count, a common noun, the head and "other"
    others = mention.end < len(doc) and doc[mention.end].lower_ in vocab.lex["other_words"]
    # "kepada dua Kepala UPT Puskesmas": the heads of a counted group of bodies
    holders = mention.start > 1 and doc[mention.start - 1].lower_ in vocab.lex["office_holders"] \
        and count(doc[mention.start - 2])
    return count(doc[mention.start - 1]) or holders or (
        others and any(count(t) for t in doc[max(0, mention.start - 3):mention.start]))


def _place_of_a_tally(vocab, doc, mention) -> bool:
    """"jumlah pemda Jatim yang tercatat di zona hijau cuma 9": the place of bodies counted, not a body."""
    k = mention.start
    return k > 1 and doc[k - 1].lower_ in vocab.count_nouns | vocab.group_words \
        and doc[k - 2].lower_ in vocab.lex["tally_words"]


def _said_of_all(vocab, doc, mention) -> bool:
    after = " ".join(t.lower_ for t in doc[mention.end:mention.end + 3]).replace(" - ", "-")
    return any(after.startswith(words) for words in vocab.lex["all_of_words"])


def region_from_item(vocab, doc, item, level: str | None):
    kind, _, key = item.value.partition(":")
    if kind == "alias":
        region = vocab.rules.region_aliases.get(key)
        return region if level is None or region.level == level else None
    if kind == "joined":
        candidates = [r for r in vocab.regions_by_joined.get(key, []) if level is None or r.level == level]
        if len(candidates) == 1:
            return candidates[0]
        provinces = [r for r in candidates if r.level == "provinsi"]
        return provinces[0] if provinces and level is None else None
    text = doc[item.start:item.end].text
    return resolve_region(vocab, text.title() if text.isupper() else text, level)


def skip_parenthetical(doc, j: int) -> int:
    """"Pemerintah Kabupaten (Pemkab) Serang", "Badan Pertanahan Nasional (BPN)": step over the
    bracketed abbreviation; it never renames what it follows ("Sulawesi Utara (Sultra)")."""
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].text[:1].isalpha() \
            and not doc[j + 1].like_num and not LETTER_GRADE.match(doc[j + 1].text):
        return j + 3  # "(BB)" after a name is its grade, read by the predicate stage
    # "Kementerian Agraria dan Tata Ruang (ATR/BPN)": one abbreviation of parts joined by "/" or "-"
    if j + 4 < len(doc) and doc[j].text == "(" and doc[j + 2].text in ("/", "-") and doc[j + 4].text == ")" \
            and all(doc[k].text[:1].isupper() and doc[k].is_alpha for k in (j + 1, j + 3)):
        return j + 5
    # "Kantor Wilayah Direktorat Jenderal Pajak (Kanwil DJP)": a short form of two words, one of
    # them an acronym
    if j + 3 < len(doc) and doc[j].text == "(" and doc[j + 3].text == ")" \
            and all(doc[k].text[:1].isupper() and doc[k].is_alpha for k in (j + 1, j + 2)) \
            and any(doc[k].is_upper and len(doc[k]) > 1 for k in (j + 1, j + 2)):
        return j + 4
    return j


def _glued(doc, k: int) -> bool:
    """An abbreviation joined by a hyphen to another capitalised part: "PAN-RB"."""
    return k + 1 < len(doc) and doc[k].text == "-" and doc[k].whitespace_ == "" and doc[k + 1].text[:1].isupper() \
        and doc[k - 1].whitespace_ == ""


ANAPHOR_MODIFIERS = 3  # describing words between a noun that points back and its demonstrative


def _describes(vocab, token) -> bool:
    """A lower-case word that may describe the noun before it ("penghasil tambang", "termuda"),
    not a verb, a relative word or a preposition that starts a clause of its own."""
    word = token.lower_
    return token.is_alpha and token.is_lower and word not in vocab.demonstratives \
        and not word.startswith(tuple(vocab.lex["clause_word_starts"]))


LEGAL_FORM_REACH = 5  # capitalised words after a company's name in which its legal form may still come
APOSTROPHE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")  # "Syar'iyah", "Ma’had": one word


def capitalised_run(vocab, doc, j: int, by_start: dict, allow_lower: bool = False) -> int:
    """End of a run of capitalised words (and "dan", "&", ",", "/") that continues a unit's name,
    up to a government prefix, a region (the unit's place, read apart) or a period written in
    capitals ("Puskesmas X Semester II 2023", "RSUD Y Tahun 2023"). A person's title before a
    capitalised word is inside the name, in either case ("RSUD dr. Soetomo", "RSUD Prof. dr.
    Margono Soekarjo")."""
    titles = vocab.honorifics
    end = k = j
    n = len(doc)
    commas = 0  # commas already inside the name
    while k < n:
        token = doc[k]
        labels = {f.label for f in by_start.get(k, [])}
        if labels & {"GOV", "REGION"} or _names_a_period(vocab, doc, k):
            break
        if (token.text[:1].isupper() and (token.is_alpha or _name_initial(token) or APOSTROPHE_WORD.fullmatch(token.text))) or (
                allow_lower and token.is_alpha and k == j and token.is_lower and len(token) > 3 and not token.is_stop
                and token.lower_ not in vocab.lex["owner_markers"]) or (
                token.is_digit and len(token) <= 2 and k + 1 < n and doc[k + 1].text[:1].isupper()
                and (k == j or not {f.label for f in by_start.get(k + 1, [])} & {"HEAD", "AGENCY"})):
            # "MAN 1 Kendari", "SMAN 2 Kolaka", "UPTD Puskesmas Rawat Inap 2 Kendari": a unit's number
            k += 1
            end = k
            continue
        if token.text == "-" and k > j and not doc[k - 1].whitespace_ and not token.whitespace_ \
                and k + 1 < n and doc[k + 1].text[:1].isupper():
            k += 1  # "PAN-RB", "Kominfo-SP": one name across a hyphen
            continue
        if _is_title(token, titles) and k + 1 < n and (doc[k + 1].text[:1].isupper() or _is_title(doc[k + 1], titles)):
            k += 1  # the name cannot end on the title: the capitalised word after it is taken next
            continue
        # "Perindustrian dan Perdagangan", "Barang/Jasa", "Perempuan, Perlindungan Anak dan ...":
        # joiners inside a name, as long as what follows is not the start of another name
        if token.text in ("dan", "&", "/", ",") and k + 1 < n and doc[k + 1].text[:1].isupper() and not (
                {f.label for f in by_start.get(k + 1, [])} & {"GOV", "REGION", "AGENCY", "HEAD"}) and (
                token.text != "," or _comma_inside_name(doc, k)) and not _opens_another_name(doc, k + 1, by_start):
            commas += token.text == ","
            k += 1
            continue
        if token.text == "," and commas and k + 2 < n and doc[k + 1].lower_ == "dan" and doc[k + 2].text[:1].isupper() \
                and not ({f.label for f in by_start.get(k + 2, [])} & {"GOV", "REGION", "AGENCY", "HEAD"}):
            k += 2  # "…, Perlindungan Anak, dan Keluarga Berencana": the enumeration's last part
            continue
        break
    return end


def _names_a_period(vocab, doc, k: int) -> bool:
    """"Semester II", "Tahun 2023", "Periode Januari-Juni", "Triwulan I": a time noun before the
    period it names is no word of a name."""
    if doc[k].lower_ not in vocab.lex["time_nouns"] or k + 1 >= len(doc):
        return False
    after = doc[k + 1].text
    return bool(YEAR_TOKEN.match(after) or MONTH_WORD.match(after) or after.isdigit()
                or re.fullmatch(r"I{1,3}|IV|V|VI", after) or doc[k + 1].lower_ == "anggaran")


def _opens_another_name(doc, k: int, by_start: dict) -> bool:
    """An acronym after "dan" that a name or a place goes on from opens another name ("RSUD
    dr. X dan BBPOM di Semarang", "… dan KPPBC Tipe Madya Cilacap"); one that ends the name is
    part of it ("Kementerian Hukum dan HAM"), also before the place of the office it names
    ("Kantor Wilayah Kementerian Hukum dan HAM Kepulauan Riau")."""
    if not (doc[k].is_upper and len(doc[k]) > 1 and k + 1 < len(doc)):
        return False
    if {f.label for f in by_start.get(k + 1, [])} & {"GOV", "REGION"} and k > 1 and doc[k - 2].text[:1].isupper():
        return False
    return doc[k + 1].is_title or doc[k + 1].lower_ == "di"


def _is_title(token, titles) -> bool:
    return token.text.endswith(".") and token.text[:-1].lower() in titles


def _name_initial(token) -> bool:
    """"Dr." in "RSUD Dr. Soedono", "H." in a hospital named after a person, "W.Z." (initials written together)."""
    return (len(token.text) <= 4 and token.text.endswith(".") and token.text[:-1].isalpha()) or bool(
        INITIALS.fullmatch(token.text))


def _comma_inside_name(doc, k: int) -> bool:
    """A comma continues a name only when a "dan" closes the enumeration within the next few
    capitalised words: "Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana", also
    with a comma before the "dan" ("Perempuan, Perlindungan Anak, dan Keluarga Berencana")."""
    for token in doc[k + 1: k + 8]:
        if token.lower_ == "dan":
            return token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper()
        if not (token.text[:1].isupper() or token.text == ","):
            return False
    return False


GLUED = re.compile(GLUED_WORDS)
INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # "W.Z.", "R.A.A.": a person's initials in one token


def _title_name(written: str) -> str:
    words = GLUED.sub(" ", written).split()
    return " ".join(w if w.isupper() or not w.islower() or w in ("dan",) else w.capitalize() for w in words)
