"""Article text → evaluation records, by rules a reviewer can read.

The stages, in the order `Extractor.extract` runs them:

1. Article context, from cheap regexes over the whole text: which schemes the article is
   about, which evaluation year it names, the region its dateline and government mentions
   point at, and its subject (the government or agency the title names).
2. Candidate sentences: only sentences that hold a number or a predicate label go through
   spaCy; most of an article cannot hold a result.
3. In each candidate sentence, a spaCy `span_ruler` built from `config/rules/` marks agency
   names and abbreviations, government prefixes, gazetteer regions, predicates and scheme
   cues; numbers are read from the tokens (decimal comma, "94, 62", words) and filtered
   (counts, shares, band limits, ranks, dates, money).
4. Attachment: each score goes to the entity before it (or after it, when none stands
   between it and the previous score), shared by coordinated entities ("X dan Y dengan skor
   4,53"), never to a comparison ("di bawah Kabupaten Cilacap"); predicates, year, rank and
   scheme come from the score's own stretch of the sentence first, then from the sentence,
   then from the article context.
5. Predicate-only records: a sentence with no score that ties named entities to a predicate.

Every record carries the rule ids that produced it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from spacy.tokens import Doc

from .records import Article, Evaluation
from .dates import MONTHS, date_spans, parse_date_span
from .text import Sentence, sentences

MAX_TEXT_CHARS = 200_000     # beyond this an "article" is a dump; the head is read, the rest ignored
SCORE_TOKEN = re.compile(r"^\d{1,3}(?:[.,]\d{1,3})?$")
YEAR_TOKEN = re.compile(r"^(19[89]\d|20\d\d)$")
YEAR_LEAD_WORDS = {"tahun", "periode", "th", "pada", "di", "untuk", "edisi", "semester", "tahunan", "("}
MONTH_WORD = re.compile(rf"^({MONTHS})$", re.I)
# units whose own name follows their type ("RSUD Kudungga", "Kantor Imigrasi Sukabumi")
NAMED_UNIT_KINDS = ("rsud", "kantor", "puskesmas")
# "B." at a sentence end is one token (an initial, to the tokenizer): the dot is dropped later
LETTER_GRADE = re.compile(r"^(AA|A|BB|B|CC|C|D)\.?$")
SPAN_KEY = "rapor"
EVALUATION_WORD = re.compile(
    r"\b(penilaian|evaluasi|pemantauan|hasil|survei|survey|monev|monitoring|opini|penganugerahan|anugerah)\b", re.I)
# "naik dibanding 2024", "sejak 2021": a year compared with, not the round
COMPARED_YEAR = re.compile(r"\b(dibanding|dibandingkan|daripada|sejak|semenjak|sebelum)\s*(tahun)?\s*$", re.I)
# "Nomor 25 Tahun 2009", "UU No 25 Tahun 2009", "Permenpan RB 29 tahun 2022": laws, not periods
REGULATION_YEAR = re.compile(r"(nomor|no\.?|nomer|uu|pp|perpres|permen\w*|peraturan|keputusan|sk)\s*[\w./-]*\s*(tahun|th\.?)?\s*$", re.I)
# "Pemkab Serang", "Pemerintah Kabupaten (Pemkab) Serang", "Wakil Bupati Kutai Timur": whose story it is
GOVERNMENT_MENTION = re.compile(
    r"\b(Pemerintah (?:Kabupaten|Kota|Provinsi)|Pemkab|Pemkot|Pemko|Pemprov|Kabupaten|Kab\.|Kota|Provinsi"
    r"|Bupati|Wali Kota|Walikota|Gubernur)"
    r"\s+(?:\([A-Za-z]+\)\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")
# "SERANG, Warta Banten Raya –", "Samarinda (ANTARA Kaltim) -", "KOTA BANDUNG (TUGUBANDUNG.ID) –"
DATELINE = re.compile(
    r"(?m)^[\s\"“]*(?P<place>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})\s*(?:,[^\n–—-]{0,60}?|\([^)\n]{1,60}\))?\s*[–—-]\s")


# ---------------------------------------------------------------------------------------------
# Things found in one sentence

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


@dataclass
class Score:
    start: int               # token span in the sentence doc
    end: int
    value: float
    text: str
    rule: str


@dataclass
class Found:
    label: str
    start: int
    end: int
    value: str


@dataclass
class ArticleContext:
    schemes: Counter
    year: int | None
    region: object | None
    dateline_end: int = 0
    last_scored: tuple | None = None   # (paragraph, mentions) of the latest sentence with a record
    category: tuple | None = None      # (predicates, sentence no.) of the latest list lead-in
    recent_region: tuple | None = None  # (region, sentence no.) of the latest government named
    sentence_no: int = 0
    last_year: int | None = None       # the latest year stated with a score: the round of a list
    subject: str | None = None         # the entity the article names most


# ---------------------------------------------------------------------------------------------

def _indonesian():
    """spaCy's blank Indonesian, whose tokenizer also splits a bracket glued to a word
    ("Timor Tengah Utara(TTU)"). Set on the language defaults, so the tokenizer's ~30,000
    special cases are compiled once, not again after an infix change (seconds at start-up)."""
    from spacy.lang.id import Indonesian

    class Defaults(Indonesian.Defaults):
        infixes = list(Indonesian.Defaults.infixes) + [r"(?<=[A-Za-z])\((?=[A-Za-z])"]
        # ~15,600 of the ~16,000 exceptions keep reduplicated words ("anak-anak") whole; each
        # costs start-up time and none matters to the rules, which read both halves alike.
        # Abbreviations with a dot ("a.", "dr.") stay: they decide where tokens end.
        tokenizer_exceptions = {k: v for k, v in Indonesian.Defaults.tokenizer_exceptions.items() if "-" not in k}

    class RaporIndonesian(Indonesian):
        lang = "id"

    RaporIndonesian.Defaults = Defaults
    return RaporIndonesian()


class Extractor:
    """Built once from `config.load_rules()`; `extract(article)` is then a pure function."""

    def __init__(self, rules):
        self.rules = rules
        self.lex = rules.lexicon
        self.nlp = _indonesian()
        # Phrases go to PhraseMatcher-backed rulers (one per attribute: exact case, or lowercased),
        # which build in a fraction of the time thousands of token patterns take; the few real
        # token patterns (graded letters) get their own ruler. All write to one span group.
        by_attr: dict[str, list[dict]] = {"ORTH": [], "LOWER": [], "TOKENS": []}
        for pattern in self._patterns():
            attr, body = pattern.pop("attr"), pattern["pattern"]
            by_attr["TOKENS" if isinstance(body, list) else attr].append(pattern)
        for attr, patterns in by_attr.items():
            config = {"spans_key": SPAN_KEY, "annotate_ents": False, "overwrite": False}
            if attr != "TOKENS":
                config["phrase_matcher_attr"] = attr
            self.nlp.add_pipe("span_ruler", name=f"rapor_spans_{attr.lower()}", config=config).add_patterns(patterns)
        self._regions_by_core: dict[str, list] = {}
        for region in rules.regions:
            self._regions_by_core.setdefault(region.core.lower(), []).append(region)
        self._agency_by_alias = {row["alias"].lower(): row for row in rules.agencies}
        self._unit_words = set(self.lex["unit_words"])
        self._blocking = set(self.lex["blocking_prefixes"])
        self._score_cues = set(self.lex["score_cues"])
        self._target_cues = set(self.lex["target_cues"])
        self._component_cues = set(self.lex["component_cues"])
        self._award_cues = set(self.lex["award_cues"])
        self._list_intro = set(self.lex["list_intro"])
        self._aspiration = set(self.lex["aspiration_markers"])
        self._past_markers = set(self.lex["past_markers"])
        self._intro_re = re.compile(r"\b(" + "|".join(map(re.escape, self.lex["list_intro"])) + r")\b|:", re.I)
        self._generic_predicates = set(self.lex["generic_predicates"])
        self._predicate_cues = set(self.lex["predicate_cues"])
        self._range_markers = set(self.lex["range_markers"])
        self._average_cues = set(self.lex["average_cues"])
        self._group_words = set(self.lex["group_words"])
        self._linking_cues = set(self.lex["linking_cues"])
        self._rank_cues = set(self.lex["rank_cues"])
        self._location_markers = set(self.lex["location_markers"])
        self._evaluators = {e.lower() for e in self.lex["evaluators"]}
        self._scheme_cue_res = {
            scheme: re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in sorted(spec["cues"], key=len, reverse=True)) + r")(?!\w)", re.I)
            for scheme, spec in rules.schemes.items() if spec.get("cues")
        }
        distinctive = {p for spec in rules.schemes.values() for p in spec.get("predicates") or []} - set(
            self.lex["generic_predicates"])
        self._topic_re = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in sorted(distinctive, key=len, reverse=True))
                                    + r")(?!\w)", re.I)
        self._candidate = re.compile(
            r"\d|" + "|".join(re.escape(p) for spec in rules.schemes.values() for p in spec.get("predicates") or [])
            + r"|\b(" + "|".join(self.lex["number_words"]) + r")\b", re.I)

    # -- pattern generation: every pattern comes from a data file -----------------------------

    @staticmethod
    def _phrase(label: str, pattern_id: str, phrase: str, attr: str) -> dict:
        return {"label": label, "id": pattern_id, "pattern": phrase.lower() if attr == "LOWER" else phrase, "attr": attr}

    def _patterns(self) -> list[dict]:
        rules, patterns = self.rules, []
        for index, row in enumerate(rules.agencies):
            alias = row["alias"]
            attr = "LOWER" if len(alias) >= 5 or " " in alias else "ORTH"
            patterns.append(self._phrase("AGENCY", f"alias:{index}", alias, attr))
        for index, row in enumerate(rules.agency_heads):
            forms = [(row["head"], "ORTH"), (row["head"].upper(), "ORTH")]  # headlines are often in capitals
            if row["case"] == "any":
                forms.append((row["head"], "LOWER"))
            for form, attr in forms:
                patterns.append(self._phrase("HEAD", f"head:{index}", form, attr))
        for prefix, level in self.lex["government_prefixes"].items():
            for form in {prefix.title(), prefix.upper(), prefix.capitalize()}:
                patterns.append(self._phrase("GOV", level, form, "ORTH"))
        for region in rules.regions:
            for form in {region.core, region.core.upper()}:
                patterns.append(self._phrase("REGION", f"core:{region.core.lower()}", form, "ORTH"))
        for alias, region in rules.region_aliases.items():
            patterns.append(self._phrase("REGION", f"alias:{alias}", alias, "ORTH"))
        for scheme, spec in rules.schemes.items():
            for phrase in spec.get("predicates") or []:
                patterns.append(self._phrase("PREDICATE", phrase, phrase, "LOWER"))
        grade = {"TEXT": {"REGEX": LETTER_GRADE.pattern}}
        quote = {"TEXT": {"IN": ["'", '"', "‘", "“", "’", "”"]}, "OP": "?"}
        for cue in ("predikat", "berpredikat", "kategori", "berkategori", "nilai"):
            patterns.append({"label": "GRADE", "id": cue, "attr": "TOKENS", "pattern": [
                {"LOWER": cue}, quote, grade, {"TEXT": {"IN": ["-", "+"]}, "OP": "?"}]})
        return patterns

    # -- 1. article context -------------------------------------------------------------------

    def _context(self, text: str, title: str) -> ArticleContext:
        full = title + "\n" + text
        votes: Counter = Counter()
        for scheme, regex in self._scheme_cue_res.items():
            votes[scheme] += len(regex.findall(text)) + 3 * len(regex.findall(title))
        year = self._evaluation_year(full)
        dateline_cores, dateline_end = self._dateline(text)
        # governments the article names, leaving out assessors' offices ("Ombudsman RI
        # Perwakilan Provinsi Banten", "Komisi Informasi Provinsi Banten")
        gov_regions: Counter = Counter()
        for match in GOVERNMENT_MENTION.finditer(full):
            preceding = full[max(0, match.start() - 30):match.start()].lower()
            if re.search(r"(ombudsman( ri)?|perwakilan|komisi informasi|kanwil)\s*$", preceding):
                continue
            resolved = self._resolve_region(match.group(2), _level_of(match.group(1)))
            if resolved:
                gov_regions[resolved] += 1
        region = None
        in_dateline = [r for r in gov_regions if r.core.lower() in dateline_cores]
        if in_dateline:
            region = max(in_dateline, key=lambda r: gov_regions[r])
        elif gov_regions:
            local = [r for r in gov_regions if r.level != "provinsi"] or list(gov_regions)
            region = max(local, key=lambda r: gov_regions[r])
        elif dateline_cores:
            region = next(filter(None, (self._resolve_region(core.title(), None) for core in dateline_cores)), None)
        return ArticleContext(schemes=votes, year=year, region=region, dateline_end=dateline_end)

    def _evaluation_year(self, text: str) -> int | None:
        """The period the article's results are for: the first year named right after an
        evaluation word or a scheme cue ("Penilaian Kepatuhan ... Tahun 2024", "OPPP 2022").

        Years of regulations ("Nomor 25 Tahun 2009") and of dates ("23 Desember 2022",
        "(8/6/2023)") are publication or legal facts, not evaluation periods.
        """
        best = None
        for cue in [EVALUATION_WORD, *self._scheme_cue_res.values()]:
            for match in cue.finditer(text):
                window = text[match.end(): match.end() + 110]
                window = re.split(r"\n|[.!?]\s", window, maxsplit=1)[0]  # within the sentence
                for found in re.finditer(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])", window):
                    before = window[:found.start()]
                    if REGULATION_YEAR.search(before) or re.search(rf"(\d{{1,2}}\s+({MONTHS})|/)\s*$", before, re.I) \
                            or COMPARED_YEAR.search(before):
                        continue
                    position = match.end() + found.start()
                    if self._in_past_sentence(text, position):
                        continue  # "yang pernah meraih zona hijau pada tahun 2016": history
                    if best is None or position < best[0]:
                        best = (position, int(found.group(1)))
                    break
        if best:
            return best[1]
        # the round named before the assessment words: "Dari Juli sampai Oktober 2023 silam, Ombudsman ..."
        lead = text[: text.find("\n", 200) if text.find("\n", 200) > 0 else 600]
        for found in re.finditer(rf"\b({MONTHS})\s+((?:19|20)\d\d)\b", lead, re.I):
            if not re.search(r"\d{1,2}\s*$", lead[:found.start()]):
                return int(found.group(2))
        # "tahun ini" in a story dated by its event: the round of that date
        if re.search(r"\btahun ini\b", text, re.I):
            for start, end in date_spans(text):
                parsed = parse_date_span(text[start:end])
                if parsed:
                    return int(parsed[:4])
        return None

    def _in_past_sentence(self, text: str, position: int) -> bool:
        start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
        ends = [e for e in (text.find(". ", position), text.find("\n", position)) if e >= 0]
        sentence = text[start: min(ends) if ends else len(text)].lower()
        return any(re.search(rf"\b{marker}\b", sentence) for marker in self._past_markers)

    def _dateline(self, text: str) -> tuple[set[str], int]:
        """"SERANG, KepoinAja79.Com –" or "Samarinda (ANTARA) -": the place filed from, and where it ends."""
        match = DATELINE.search(text[:3000])
        if not match:
            return set(), 0
        place = match.group("place").strip()
        return {place.lower(), place.split()[-1].lower()}, match.end()

    def _resolve_region(self, core: str, level: str | None):
        core = core.strip()
        if core in self.rules.region_aliases:
            return self.rules.region_aliases[core]
        candidates = self._regions_by_core.get(core.lower(), [])
        if level:
            candidates = [r for r in candidates if r.level == level]
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            # a bare name shared by a province, a kabupaten and a kota: the province is the
            # most often evaluated on its own; kabupaten and kota stay apart unless text says
            provinces = [r for r in candidates if r.level == "provinsi"]
            return provinces[0] if provinces and level is None else None
        return None

    # -- 2./3. per sentence -------------------------------------------------------------------

    def extract(self, article: Article) -> list[Evaluation]:
        text = (article.text or "")[:MAX_TEXT_CHARS]
        if not text.strip():
            return []
        title = article.title or ""
        context = self._context(text, title)
        if not any(context.schemes.values()) and not self._topic_re.search(title + "\n" + text):
            # no evaluation scheme is named anywhere: ordinary news, and most of what a portal
            # publishes. The regex pass that found this out is far cheaper than spaCy on every
            # sentence with a number in it.
            return []
        # first pass: what each candidate sentence holds, so the article's subject is known
        # before any score has to fall back on it
        read = []
        subjects: Counter = Counter()
        on_topic = sum(context.schemes.values()) >= 2
        list_labels = None  # the predicates of a bulleted list's header, while its lines run
        last_predicate = -10  # sentence no. of the latest predicate: "(…Informatif.) Mereka adalah A, B"
        for number, sentence in enumerate(sentences(text)):
            chunk = sentence.of(text)
            if not (list_labels or self._candidate.search(chunk) or (
                    number - last_predicate <= 2 and self._intro_re.search(chunk))):
                continue
            doc = self.nlp(chunk)
            found = self._found(doc)
            masked = next((t.i for t in doc if sentence.start + t.idx >= context.dateline_end), len(doc))
            mentions = self._mentions(doc, found, context, masked)
            scores = self._scores(doc, on_topic)
            line_labels = None
            if list_labels and not scores and mentions:
                line_labels = list_labels
            elif list_labels and len(chunk.strip()) > 3:
                list_labels = None  # a line that is neither a bullet nor a name: the list is over
            if not scores and self.is_list_header(doc, found):
                list_labels = self._labels(doc, _predicate_items(found))
            if _predicate_items(found):
                last_predicate = number
            read.append((number, sentence, doc, found, mentions, scores, line_labels))
            subjects.update(m.entity_name(None)[0] for m in mentions if not m.comparison)
        context.subject = subjects.most_common(1)[0][0] if subjects else None
        records: list[Evaluation] = []
        previous_mentions: list[Mention] = []
        for number, sentence, doc, found, mentions, scores, line_labels in read:
            context.sentence_no = number
            governments = [m for m in mentions if m.kind in ("gov", "bare") and m.region
                           and (m.parent or not m.comparison)]
            if governments:  # "pada level Pemerintah Provinsi Gorontalo ... Dinas Sosial 77,55"
                context.recent_region = (governments[-1].region, number)
            if scores:
                new = self._scored_records(doc, sentence, text, found, mentions, scores, context, previous_mentions)
                records.extend(new)
                # "A meraih predikat Informatif, sedangkan B masuk kategori Menuju Informatif dengan nilai 85,20"
                scored_names = {r.entity_as_written for r in new}
                if any(m.written not in scored_names for m in mentions):
                    records.extend(r for r in self._predicate_only(doc, sentence, text, found, mentions, context)
                                   if r.entity_as_written not in scored_names)
                if new:
                    context.last_scored = (sentence.paragraph, _record_mentions(new, mentions))
            else:
                given = self._predicate_only(doc, sentence, text, found, mentions, context, line_labels) if mentions else []
                records.extend(given)
                labels = self._labels(doc, _predicate_items(found))
                # a sentence that names one category is a lead-in for the list that follows
                # ("Sebanyak 12 Pemda berada di zona hijau kategori B."), unless it tells of an
                # earlier state ("sebelumnya masih tergolong zona kuning")
                past = any(t.lower_ in self._past_markers for t in doc)
                if labels and not past and not _conflicting(labels, self._generic_predicates):
                    context.category = (tuple(labels), number)
            usable = [m for m in mentions if not m.comparison]
            if usable:
                previous_mentions = usable
        return _dedupe(_drop_covered_predicates(records))

    def _found(self, doc: Doc) -> list[Found]:
        spans = [Found(s.label_, s.start, s.end, s.id_) for s in doc.spans[SPAN_KEY]
                 if not (s.label_ == "PREDICATE" and self._loose_word(doc, s))
                 and not (s.label_ in ("PREDICATE", "GRADE") and self._aspired(doc, s))]
        # longest first, then drop spans of the same family inside a longer one
        spans.sort(key=lambda f: (f.start, -(f.end - f.start)))
        kept: list[Found] = []
        for item in spans:
            if any(k.label == item.label and k.start <= item.start and item.end <= k.end for k in kept):
                continue
            kept.append(item)
        return kept

    def _loose_word(self, doc: Doc, span) -> bool:
        """"cukup baik" in prose is not the predicate "Baik": generic labels need "predikat",
        "kategori"... just before them, or capitals (BAIK)."""
        if span.id_ not in self._generic_predicates or span.text.isupper():
            return False
        return not any(t.lower_ in self._predicate_cues for t in doc[max(0, span.start - 3):span.start])

    def _aspired(self, doc: Doc, span) -> bool:
        """"menuju WBBM", "menargetkan predikat A": a goal, not a result."""
        window = doc[max(0, span.start - 4):span.start]
        return any(t.lower_ in self._aspiration for t in window)

    def _mentions(self, doc: Doc, found: list[Found], context: ArticleContext, dateline_end: int = 0) -> list[Mention]:
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
                    region = self._region_from_item(doc, region_item, gov.value)
                    if region:
                        mentions.append(Mention(i, region_item.end, "gov", doc[i:region_item.end].text, "",
                                                region, rule="entity.government_prefix"))
                        i = region_item.end
                        continue
            if "AGENCY" in labels or "HEAD" in labels:
                mention = self._agency(doc, i, labels, by_start)
                if mention:
                    mentions.append(mention)
                    i = mention.end
                    continue
            if "REGION" in labels:
                item = labels["REGION"]
                region = self._region_from_item(doc, item, None)
                place = i > 0 and (doc[i - 1].lower_.rstrip("-") in self._location_markers or (
                    doc[i - 1].text == "-" and i > 1 and doc[i - 2].lower_ in self._location_markers))
                if region and doc[item.start].text[0].isupper() and not place:
                    mentions.append(Mention(i, item.end, "bare", doc[i:item.end].text, "", region,
                                            rule="entity.bare_region"))
                    i = item.end
                    continue
            i += 1
        for mention in mentions:
            before = " " + doc[max(0, mention.start - 4):mention.start].text.lower()
            mention.parent = any(before.endswith(" " + m) for m in self.lex["parent_markers"])
            mention.comparison = (
                mention.parent or any(before.endswith(" " + m) for m in self.lex["comparison_markers"])
                or mention.written.lower() in self._evaluators or mention.base_name.lower() in self._evaluators)
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

    def _region_from_item(self, doc: Doc, item: Found, level: str | None):
        kind, _, key = item.value.partition(":")
        if kind == "alias":
            region = self.rules.region_aliases.get(key)
            return region if level is None or region.level == level else None
        return self._resolve_region(doc[item.start:item.end].text.title() if doc[item.start:item.end].text.isupper()
                                    else doc[item.start:item.end].text, level)

    def _agency(self, doc: Doc, i: int, labels: dict, by_start: dict) -> Mention | None:
        """An agency name: an alias ("Dinsos") or a head ("Dinas") running over capitalised words,
        then, if written, its region ("Kota Madiun", "Batam")."""
        if "AGENCY" in labels:
            item = labels["AGENCY"]
            row = self.rules.agencies[int(item.value.split(":")[1])]
            base, end, kind, rule = row["canonical"], item.end, row["kind"], "entity.agency_alias"
            # "RSUD Embung Fatimah", "Samsat Cikokol": a proper name follows; the unit is known by
            # the abbreviation and that name, so both are kept as written
            tail_end = _capitalised_run(doc, end, by_start)
            if kind in NAMED_UNIT_KINDS and tail_end > end:
                base, end = doc[i:tail_end].text, tail_end
        else:
            item = labels["HEAD"]
            kind = self.rules.agency_heads[int(item.value.split(":")[1])]["kind"]
            end = _capitalised_run(doc, item.end, by_start, allow_lower=doc[item.start].text.islower())
            if end == item.end and kind in ("dinas", "badan", "kantor", "sekretariat", "lembaga", "kementerian",
                                            "desa", "kecamatan", "puskesmas", "polisi"):
                return None  # "Dinas", "UPT Puskesmas" alone are common nouns, not a named unit
            written = doc[i:end].text
            # "Dinas Dukcapil", "Dinas Kominfo": a head followed by a known abbreviation
            alias_row = self._agency_by_alias.get(written.lower()) or (
                self._agency_by_alias.get(doc[item.end:end].text.lower()) if end > item.end else None)
            base = alias_row["canonical"] if alias_row else _title_name(written)
            rule = "entity.agency_head"
        region = None
        gov = next((f for f in by_start.get(end, []) if f.label == "GOV"), None)
        if gov:  # "Dinas Sosial Kota Madiun"
            k = gov.end + (1 if gov.end < len(doc) and doc[gov.end].text == "." else 0)
            reg = next((f for f in by_start.get(k, []) if f.label == "REGION"), None)
            region = self._region_from_item(doc, reg, gov.value) if reg else None
            if region:
                end = reg.end
        else:  # "Disdukcapil Batam", "Kantor Imigrasi Kelas II Sukabumi"
            reg = next((f for f in by_start.get(end, []) if f.label == "REGION"), None)
            if reg:
                region = self._region_from_item(doc, reg, None)
                if kind in NAMED_UNIT_KINDS or kind in ("polisi", "lembaga"):
                    # an office named after a town that is both a kota and a kabupaten sits in the kota
                    region = region or self._region_from_item(doc, reg, "kota")
                    base = f"{base} {doc[reg.start:reg.end].text}"  # the place is part of the office's name
                    end = reg.end
                elif region:
                    end = reg.end
        return Mention(i, end, "agency", doc[i:end].text, base, region, rule=rule)

    def _scores(self, doc: Doc, article_on_topic: bool = False) -> list[Score]:
        scores: list[Score] = []
        n = len(doc)
        i = 0
        while i < n:
            token = doc[i]
            value, end, rule = None, i + 1, "score.decimal"
            if SCORE_TOKEN.match(token.text):
                # "94, 62": a decimal comma followed by a space, then exactly two digits
                if (i + 2 < n and doc[i + 1].text == "," and re.fullmatch(r"\d{2}", doc[i + 2].text)
                        and "," not in token.text and "." not in token.text
                        and not (i + 4 < n and doc[i + 3].text == "," and doc[i + 4].text.isdigit())
                        and (self._has_cue(doc, i) or article_on_topic)):
                    value = float(f"{token.text}.{doc[i + 2].text}")
                    end, rule = i + 3, "score.split_decimal_comma"
                else:
                    value = float(token.text.replace(",", "."))
                    if not re.search(r"[.,]", token.text):
                        rule = "score.integer_after_cue"
                    elif "." in token.text and len(token.text.split(".")[1]) == 3:
                        i += 1
                        continue  # "1.250": a thousands separator, not a decimal
            elif token.lower_ in self.lex["number_words"] and self._has_cue(doc, i, window=2):
                value, rule = float(self.lex["number_words"][token.lower_]), "score.number_word"
            if value is None or not self._keeps(doc, i, end, value, rule, article_on_topic):
                i += 1
                continue
            scores.append(Score(i, end, value, doc[i:end].text, rule))
            i = end
        return scores

    def _has_cue(self, doc: Doc, i: int, window: int | None = None) -> bool:
        window = window or self.lex["score_cue_window"]
        return any(t.lower_ in self._score_cues for t in doc[max(0, i - window):i])

    def _keeps(self, doc: Doc, start: int, end: int, value: float, rule: str, article_on_topic: bool = False) -> bool:
        """Filters that make a number not a score (counts, shares, bands, ranks, ids, dates)."""
        n = len(doc)
        text = doc[start].text
        if YEAR_TOKEN.match(text) or value > 100 or value < 0:
            return False
        after = doc[end].lower_ if end < n else ""
        after2 = doc[end + 1].lower_ if end + 1 < n else ""
        before = doc[start - 1].lower_ if start > 0 else ""
        if after in ("persen", "%") and any(t.lower_ in self.lex["percent_scores_after"] for t in doc[max(0, start - 8):start]):
            return True  # "IKM ... menyentuh 79,5 persen": the index, told in percent
        if after == "-" and after2 == "an":
            return False  # "80-an": a vague figure
        if after == "ke" and after2 in ("atas", "bawah"):
            return False  # "nilai 91 ke atas": a threshold
        if after == "(" and (after2 in self.lex["number_words"] or after2.endswith(("belas", "puluh"))):
            return False  # "17 (tujuh belas) unsur": a count spelled out twice
        before_window = [t.lower_ for t in doc[max(0, start - 5):start]]
        for k, word in enumerate(before_window):
            if word in self._average_cues and self._group_words.intersection(before_window[k + 1:k + 4]):
                return False  # "rata-rata kabupaten dan kota 56,53": an average over a group
        if MONTH_WORD.match(after):
            return False  # "20 Desember 2021": a day
        exceptions = self.lex["unit_word_exceptions"].get(after, [])
        if (after in self._unit_words and after2 not in exceptions) or (
                after == "," and after2 in self._unit_words and rule != "score.decimal"):
            return False
        if before in self._blocking or before.rstrip("-") in self._blocking or (start > 1 and doc[start - 2].lower_ == "ke" and before == "-"):
            return False
        if before in ("/", ".") or after in ("/",) or (after == "." and end + 1 < n and doc[end + 1].text.isdigit()):
            return False  # dates and times: 8/6/2023, 07.05
        if self._band_limit(doc, start, end):
            return False  # "81,00 – 100", "80 s/d 89,9": the limits of a band
        preceding = " " + " ".join(t.lower_ for t in doc[max(0, start - 4):start]) + " "
        if before in ("antara",) or any(f" {cue} " in preceding for cue in self.lex["band_cues"]):
            return False
        if before == "(" and after in self._range_markers:
            return False
        if any(t.lower_ in self._target_cues for t in doc[max(0, start - 3):start]):
            return False  # "menargetkan nilai 90": a goal
        if rule == "score.integer_after_cue" and after in self.lex["count_words_for_integers"]:
            return False  # "42 kuning, dan 3 merah": counts of governments per zone
        window = doc[max(0, start - 10):start]
        if any(t.lower_ in self._component_cues for t in window) and not any(t.lower_ == "indeks" for t in window[-2:]):
            return False  # "domain kebijakan 4,10": a part of the evaluation, not the entity's result
        # "naik dari 75 (2024) menjadi 88": the earlier value of a change
        from_value = before == "dari" and any(t.lower_ in ("menjadi", "ke") for t in doc[end:end + 5])
        if rule == "score.integer_after_cue" and not (self._has_cue(doc, start) or from_value):
            return False
        # a bare decimal ("2,5 ton" got past the units) needs some sign that results are being
        # told: a cue before it, a scheme or predicate in its sentence, or an article on the topic
        if not (self._has_cue(doc, start) or from_value or article_on_topic or self._sentence_has_scheme_signal(doc)):
            return False
        return True

    def _band_limit(self, doc: Doc, start: int, end: int) -> bool:
        """A number joined to another by a range marker, which may be several tokens ("s/d")."""
        markers = self._range_markers
        for width in (1, 2, 3):
            joined_after = "".join(t.text.lower() for t in doc[end:end + width])
            if joined_after in markers and end + width < len(doc) and SCORE_TOKEN.match(doc[end + width].text):
                return True
            joined_before = "".join(t.text.lower() for t in doc[max(0, start - width):start])
            if joined_before in markers and start - width > 0 and SCORE_TOKEN.match(doc[start - width - 1].text):
                return True
        return False

    def _sentence_has_scheme_signal(self, doc: Doc) -> bool:
        return any(s.label_ in ("PREDICATE", "GRADE") for s in doc.spans[SPAN_KEY]) or any(
            regex.search(doc.text) for regex in self._scheme_cue_res.values())

    # -- 4. attachment ------------------------------------------------------------------------

    def _scored_records(self, doc, sentence, text, found, mentions, scores, context, previous_mentions):
        records = []
        usable = [m for m in mentions if not m.comparison]
        assigned: list[list[Mention]] = []
        rules_used: list[list[str]] = []
        for index, score in enumerate(scores):
            prev_end = scores[index - 1].end if index else 0
            next_start = scores[index + 1].start if index + 1 < len(scores) else len(doc)
            between = [m for m in usable if prev_end <= m.start and m.end <= score.start]
            rule = []
            if between:
                target = [between[-1]]
                rule.append("attach.entity_before")
            elif index and self._linked(doc, scores[index - 1].end, score.start):
                target = assigned[index - 1]
                rule.append("attach.linked_to_previous_score")
            else:
                after = [m for m in usable if score.end <= m.start and m.end <= next_start]
                if after:
                    target = [after[0]]
                    rule.append("attach.entity_after")
                elif index and assigned[index - 1]:
                    target = assigned[index - 1]
                    rule.append("attach.same_entity_as_previous_score")
                elif len(previous_mentions) == 1 and self._has_cue(doc, score.start, window=6):
                    target = [replace(previous_mentions[0], foreign=True)]
                    rule.append("attach.previous_sentence_entity")
                elif context.subject and self._has_cue(doc, score.start, window=6) and any(
                        m.entity_name(None)[0] == context.subject for m in previous_mentions):
                    target = [replace(next(m for m in previous_mentions if m.entity_name(None)[0] == context.subject), foreign=True)]
                    rule.append("attach.article_subject")
                elif context.last_scored and context.last_scored[0] >= sentence.paragraph - 1 \
                        and len(context.last_scored[1]) == 1 and self._has_cue(doc, score.start, window=6):
                    target = [replace(context.last_scored[1][0], foreign=True)]
                    rule.append("attach.last_scored_entity")
                else:
                    target = []
            if target and rule[0] in ("attach.entity_before", "attach.entity_after"):
                target = self._coordinated(doc, usable, target[0], scores)
                if len(target) > 1:
                    rule.append("attach.coordinated_entities")
            assigned.append(target)
            rules_used.append(rule)
        for index, score in enumerate(scores):
            scheme, scheme_rule = self._scheme(doc, score.start, text, sentence, context) if assigned[index] else (None, None)
            for mention in assigned[index]:
                lo = score.start if mention.foreign else min(mention.start, score.start)
                hi = score.end if mention.foreign else max(mention.end, score.end)
                # the score's own stretch: from its entity (or the previous score) to the next
                # entity or score, so "A 4,12 predikat A-, dan B 3,78 predikat B" keeps apart
                seg_start = scores[index - 1].end if index else 0
                if not mention.foreign and seg_start <= mention.start < score.start:
                    seg_start = mention.start
                seg_end = scores[index + 1].start if index + 1 < len(scores) else len(doc)
                seg_end = min([seg_end] + [m.start for m in usable if score.end <= m.start and m is not mention])
                predicates = self._predicates(doc, found, seg_start, seg_end, scheme)
                if not predicates and usable:
                    # a lead-in for the whole sentence: "Pada kategori zona hijau, Pemkot X ... 98,17"
                    predicates = self._predicates(doc, found, 0, min(m.start for m in usable), scheme)
                    if predicates:
                        context.category = (tuple(predicates), context.sentence_no)
                if not predicates and context.category and context.sentence_no - context.category[1] <= 2:
                    # a list under an earlier lead-in: "Kesepuluh Pemda (kategori B) itu adalah X (86,62), ..."
                    allowed = set((self.rules.schemes.get(scheme) or {}).get("predicates") or [])
                    predicates = [p for p in context.category[0] if not allowed or p in allowed or len(p) <= 2]
                    context.category = (context.category[0], context.sentence_no)
                    rules_used[index].append("predicate.list_lead_in")
                year = self._year(doc, seg_start, seg_end, score, context)
                if year == (context.year or context.last_year) and self._earlier_value(doc, score):
                    year = None  # "dari 89 menjadi 91", "73,44 (pada tahun lalu)": only a stated year counts
                rank = self._rank(doc, seg_start, seg_end)
                name, region = mention.entity_name(self._local_region(context))
                scale = self._scale(scheme, score.value, converted=any(
                    t.lower_.startswith(("konversi", "dikonversi")) for t in doc[max(0, score.start - 4):score.start]))
                start_char, end_char = _char_span(sentence, doc, lo, hi)
                records.append(Evaluation(
                    entity=name, entity_as_written=mention.written,
                    region=region.name if region else None, scheme=scheme, score=score.value,
                    scale_max=scale, predicate=tuple(predicates), year=year, rank=rank,
                    quote=text[start_char:end_char], start=start_char, end=end_char,
                    rule_ids=tuple([score.rule, mention.rule, *rules_used[index], scheme_rule]),
                ))
        return records

    def _earlier_value(self, doc: Doc, score: Score) -> bool:
        """The earlier value of a change, or one said to be last year's."""
        before = doc[score.start - 1].lower_ if score.start else ""
        later = [t.lower_ for t in doc[score.end: score.end + 5]]
        said_later = " ".join(later)
        return (before in ("dari", "semula") and bool({"menjadi", "ke", "sebelumnya"} & set(later))) or (
            "tahun lalu" in said_later or "tahun sebelumnya" in said_later)

    def _local_region(self, context: ArticleContext):
        """The region an unqualified OPD belongs to: the government named in this or the
        previous sentence, else the article's region (dateline and government mentions)."""
        if context.recent_region and context.sentence_no - context.recent_region[1] <= 1:
            return context.recent_region[0]
        return context.region

    def _linked(self, doc: Doc, start: int, end: int) -> bool:
        words = {t.lower_ for t in doc[start:end]}
        return end - start <= 8 and bool(words & self._linking_cues)

    def _coordinated(self, doc: Doc, usable: list[Mention], anchor: Mention, scores: list[Score]) -> list[Mention]:
        """"DPMPTSP dan DKCS", "Dinas Sosial serta rumah sakit daerah": one score, several units."""
        group = [anchor]
        score_tokens = {i for s in scores for i in range(s.start, s.end)}
        ordered = sorted(usable, key=lambda m: m.start)
        index = ordered.index(anchor)
        for step in (-1, 1):
            k = index
            while 0 <= k + step < len(ordered):
                left, right = (ordered[k + step], ordered[k]) if step < 0 else (ordered[k], ordered[k + step])
                gap = doc[left.end:right.start]
                if len(gap) > 2 or any(t.i in score_tokens for t in gap) or not all(
                        t.lower_ in (",", "dan", "serta", "&", "maupun") for t in gap) or not len(gap):
                    break
                group.append(ordered[k + step])
                k += step
        group.sort(key=lambda m: m.start)
        # distributive region: "Dinas Sosial serta rumah sakit daerah Kota Madiun"
        shared = next((m.region for m in reversed(group) if m.region is not None), None)
        for m in group:
            if m.region is None and shared is not None and m.kind == "agency":
                m.region = shared
        return group

    def _scheme(self, doc, position: int, text, sentence, context) -> tuple[str, str]:
        """The scheme cue nearest to token `position` in its sentence, else the paragraph's most
        named scheme, else the article's."""
        best, best_distance = None, None
        for scheme, regex in self._scheme_cue_res.items():
            for match in regex.finditer(doc.text):
                token_index = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if token_index is None:
                    continue
                distance = abs(token_index.start - position)
                if best_distance is None or distance < best_distance:
                    best, best_distance = scheme, distance
        if best:
            return best, "scheme.sentence_cue"
        paragraph_text = _paragraph_before(text, sentence)
        votes = Counter()
        for scheme, regex in self._scheme_cue_res.items():
            votes[scheme] = len(regex.findall(paragraph_text))
        if votes and votes.most_common(1)[0][1] > 0:
            return votes.most_common(1)[0][0], "scheme.paragraph_cue"
        if context.schemes and context.schemes.most_common(1)[0][1] > 0:
            return context.schemes.most_common(1)[0][0], "scheme.article_cue"
        return "other", "scheme.none"

    def _scale(self, scheme: str, value: float, converted: bool = False) -> float | None:
        """The scale the score is on: the scheme's, but SKM's old 1–4 index and PEKPPP's
        "nilai konversi" on 100 are told apart. A 7,12 reported on SPBE's 0–5 keeps scale 5,
        so the audit can flag it."""
        if scheme == "skm" and value <= 4:
            return 4.0
        if scheme in ("pekppp", "spbe") and converted:
            return 100.0
        scale = (self.rules.schemes.get(scheme) or {}).get("scale_max")
        return float(scale) if scale else None

    def _predicates(self, doc, found, seg_start, seg_end, scheme) -> list[str]:
        """Labels inside a stretch of the sentence; word labels only if the scheme uses them."""
        allowed = set((self.rules.schemes.get(scheme) or {}).get("predicates") or [])
        return self._labels(doc, [f for f in _predicate_items(found) if seg_start <= f.start and f.end <= seg_end
                                  and not (f.label == "PREDICATE" and allowed and f.value not in allowed)])

    def _year(self, doc, seg_start, seg_end, score, context) -> int | None:
        """1. a year right after the score ("2,93 pada 2022"); 2. the nearest one before it in its
        stretch ("IPP tahun 2023 yang cuma 3,24"); 3. the article's evaluation year, or else the
        year last stated with a score (the rest of a list belongs to the same round)."""
        def year_at(token) -> int | None:
            if YEAR_TOKEN.match(token.text) and token.i > 0 and doc[token.i - 1].lower_ in YEAR_LEAD_WORDS:
                if not REGULATION_YEAR.search(doc[max(0, token.i - 4):token.i].text):
                    return int(token.text)
            return None
        if score is not None:
            for token in [*doc[score.end: min(len(doc), score.end + 4)],  # 1.
                          *reversed(doc[max(0, seg_start - 6):score.start])]:  # 2.
                if year_at(token):
                    context.last_year = year_at(token)
                    return context.last_year
        else:
            for token in doc[seg_start:seg_end]:
                if year_at(token):
                    return year_at(token)
        return context.year or context.last_year  # 3.

    def _rank(self, doc, seg_start, seg_end) -> int | None:
        ordinals = self.lex["ordinals"]
        for token in doc[seg_start:seg_end]:
            if token.lower_ in self._rank_cues:
                for nxt in doc[token.i + 1: token.i + 4]:
                    if nxt.lower_ in ordinals:
                        return ordinals[nxt.lower_]
                    digits = re.sub(r"^ke-?", "", nxt.lower_)
                    if digits.isdigit() and 0 < int(digits) < 1000:
                        return int(digits)
        return None

    # -- 5. predicate-only records ------------------------------------------------------------

    def _predicate_only(self, doc, sentence, text, found, mentions, context, list_labels=None) -> list[Evaluation]:
        """Named entities given a predicate with no score, in the three shapes news uses:

        1. a list after an introducing word, the predicate before it or in the sentence before:
           "4 kementerian tergolong zona kuning, yaitu A, B dan C", "Predikat BB diraih oleh A, B",
           "(…kategori Informatif.) Mereka adalah A, B";
        2. an entity, an award word, then the predicate: "Kabupaten OKI meraih predikat zona hijau";
        3. one line of a bulleted list under a header that names the predicate (`list_labels`).
        """
        usable = [m for m in mentions if not m.comparison]
        items = _predicate_items(found)
        assigned: dict[int, tuple] = {}   # id(mention) → (mention, labels, anchor token, rule)

        if list_labels:  # 3.
            for mention in usable:
                assigned[id(mention)] = (mention, list(list_labels), None, "predicate_only.bulleted_list")
        intro = next((t.i for t in doc if t.lower_ in self._list_intro or t.text == ":"), None)
        if intro is not None:  # 1.
            listed = [m for m in usable if m.start > intro]
            before = [f for f in items if f.end <= intro]
            labels = self._labels(doc, before)
            if not labels and context.category and context.sentence_no - context.category[1] <= 2:
                labels = list(context.category[0])
            if listed and labels:
                for mention in listed:
                    assigned.setdefault(id(mention), (mention, labels, before[0].start if before else None,
                                                      "predicate_only.list_after_intro"))
        award = self._award_cues  # 2.
        for item in items:
            cue = next((t.i for t in reversed(doc[max(0, item.start - 6):item.start + 1]) if t.lower_ in award), None)
            if cue is None:
                continue
            before = [m for m in usable if m.end <= cue and cue - m.end <= 8]
            if not before or any(m.start > before[-1].end and m.end <= item.start for m in mentions):
                continue
            for mention in self._coordinated(doc, usable, before[-1], []):
                if id(mention) in assigned and assigned[id(mention)][3] == "predicate_only.award_cue":
                    assigned[id(mention)][1].extend(self._labels(doc, [item]))
                else:
                    assigned.setdefault(id(mention), (mention, self._labels(doc, [item]), item.start,
                                                      "predicate_only.award_cue"))
        records = []
        for mention, labels, anchor, rule in assigned.values():
            labels = list(dict.fromkeys(labels))
            scheme = next((s for s, spec in self.rules.schemes.items()
                           if any(label in (spec.get("predicates") or []) for label in labels)), None)
            scheme_rule = "scheme.predicate"
            if scheme is None or any(len(label) <= 3 for label in labels):
                scheme, scheme_rule = self._scheme(doc, mention.start, text, sentence, context)
            name, region = mention.entity_name(self._local_region(context))
            lo = mention.start if anchor is None else min(mention.start, anchor)
            hi = mention.end
            start_char, end_char = _char_span(sentence, doc, lo, hi)
            records.append(Evaluation(
                entity=name, entity_as_written=mention.written, region=region.name if region else None,
                scheme=scheme, score=None, scale_max=None, predicate=tuple(labels),
                year=self._year(doc, 0, len(doc), None, context), rank=None,
                quote=text[start_char:end_char], start=start_char, end=end_char,
                rule_ids=(rule, mention.rule, scheme_rule),
            ))
        return records

    def _labels(self, doc: Doc, items: list[Found]) -> list[str]:
        """Predicate labels of PREDICATE/GRADE spans, in order, once each."""
        return list(dict.fromkeys(f.value if f.label == "PREDICATE" else _grade_label(doc, f) for f in items))

    def is_list_header(self, doc: Doc, found: list[Found]) -> bool:
        """"Perangkat daerah berpredikat A (Memuaskan), di antaranya:" — a predicate, then a colon
        or an introducing word at the end: the next lines are the list."""
        if not _predicate_items(found):
            return False
        words = [t.lower_ for t in doc if not t.is_punct]
        return doc.text.rstrip().endswith(":") or bool(words and words[-1] in self._list_intro)


# ---------------------------------------------------------------------------------------------
# helpers

def _predicate_items(found: list[Found]) -> list[Found]:
    return [f for f in found if f.label in ("PREDICATE", "GRADE")]


def _char_span(sentence: Sentence, doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Article-text offsets of tokens lo..hi of a sentence's doc: where a quote starts and ends."""
    return sentence.start + doc[lo].idx, sentence.start + doc[hi - 1].idx + len(doc[hi - 1].text)


def _grade_label(doc: Doc, item: Found) -> str:
    """"predikat A-" → "a-"; "predikat B." (sentence end) → "b"; "predikat ‘BB’" → "bb"."""
    match = re.search(r"[A-Z]{1,2}\s?[-+]?", doc[item.start + 1:item.end].text)
    return match.group(0).replace(" ", "").lower() if match else ""


def _level_of(prefix: str) -> str | None:
    prefix = prefix.lower()
    if "kab" in prefix or prefix == "bupati":
        return "kabupaten"
    if "kot" in prefix or prefix == "pemko":
        return "kota"
    if "prov" in prefix or prefix == "gubernur":
        return "provinsi"
    return None


def _skip_parenthetical(doc: Doc, j: int) -> int:
    """"Pemerintah Kabupaten (Pemkab) Serang": step over the bracketed abbreviation."""
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
        return j + 3
    return j


def _capitalised_run(doc: Doc, j: int, by_start: dict, allow_lower: bool = False) -> int:
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


def _conflicting(labels: list[str], generic: set[str]) -> bool:
    """"lima daerah berpredikat Baik, enam lainnya Cukup": two labels of one kind name two groups."""
    def kind(label: str) -> str:
        first = label.split()[0]
        if first in ("zona", "kualitas", "kepatuhan", "opini"):
            return first
        if len(label) <= 3:
            return "grade"
        return "generic" if label in generic else label
    kinds = [kind(label) for label in labels]
    return len(kinds) != len(set(kinds))


def _comma_inside_name(doc: Doc, k: int) -> bool:
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


def _paragraph_before(text: str, sentence: Sentence) -> str:
    start = text.rfind("\n", 0, max(0, sentence.start - 1))
    return text[max(0, start): sentence.end]


def _record_mentions(records: list[Evaluation], mentions: list[Mention]) -> list[Mention]:
    """The mentions that records of this sentence were attached to (by what they were written as)."""
    written = {r.entity_as_written for r in records}
    return [m for m in mentions if m.written in written]


def _drop_covered_predicates(records: list[Evaluation]) -> list[Evaluation]:
    """A predicate-only record for an entity that also has a scored record of the same round
    says nothing new ("NTB meraih predikat kepatuhan tinggi ... nilai 97,58"); its labels go to
    the scored record if that has none."""
    scored = {}
    for index, record in enumerate(records):
        if record.score is not None:
            scored.setdefault((record.entity, record.scheme), []).append(index)
    out = list(records)
    drop = set()
    for index, record in enumerate(records):
        if record.score is not None:
            continue
        for other in scored.get((record.entity, record.scheme), []):
            if records[other].year in (record.year, None) or record.year is None:
                drop.add(index)
                if not out[other].predicate:
                    out[other] = replace(out[other], predicate=record.predicate)
                break
    return [r for i, r in enumerate(out) if i not in drop]


def _dedupe(records: list[Evaluation]) -> list[Evaluation]:
    """One record per entity and score in an article: a result repeated in a quote or a recap
    ("indeks SPBE kita mencapai 3,96") is still one result. The first statement is kept, with
    the predicates of later ones when it has none."""
    kept: dict[tuple, Evaluation] = {}
    for record in records:
        key = (record.entity, record.score) if record.score is not None else (record.entity, None, record.year)
        first = kept.get(key)
        if first is None:
            kept[key] = record
        elif record.score is None:  # one predicate-only record per entity and round, all its labels
            kept[key] = replace(first, predicate=tuple(dict.fromkeys(first.predicate + record.predicate)))
        elif not first.predicate and record.predicate:
            kept[key] = replace(first, predicate=record.predicate)
    return list(kept.values())
