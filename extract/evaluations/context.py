"""Stage 1, the article read as a whole with cheap regexes: which schemes it is about, which
evaluation round it names, where it was filed from and which government it is about.

Pure: text in, an `ArticleContext` out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..dates import MONTHS, date_spans, parse_date_span
from .abbreviations import defined_abbreviations
from .regions import level_of, resolve_region
from .spans import OTHER_ZONING_REACH, RESTATED_ZONE_REACH

# what may stand between an evaluation's name and its year: "Tahun", "periode", a semester
TIGHT_YEAR = re.compile(r"\s*(?:\(?\s*)?(?:tahun|th\.?|periode|semester\s+\w+(?:\s+tahun)?)?\s*", re.I)
YEAR_WORD = re.compile(r"(?:19|20)\d\d")
# results released from this month on are that year's round
RELEASE_MONTH_SAME_ROUND = 10
THIS_YEAR_WORDS = re.compile(r"\btahun ini\b", re.I)
THIS_YEAR = re.compile(r"\b(?:tahun|pada|di)\s+((?:19|20)\d\d)\s+ini\b", re.I)
# "Pada tahun 2022, …", "Di tahun 2023 ini …", "Sepanjang 2021, …": a period a sentence opens with
LEADING_PERIOD = re.compile(r"\s*(?:pada|di|untuk|sepanjang|selama)?\s*(?:tahun\s+)?((?:19|20)\d\d)\b(?!\s*[/-]\d)", re.I)
# "SERANG, Warta Banten Raya –", "Samarinda (ANTARA Kaltim) -", "KOTA BANDUNG (TUGUBANDUNG.ID) –"
DATELINE = re.compile(
    r"(?m)^[\s\"“]*(?P<place>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})\s*(?:,[^\n–—-]{0,60}?|\([^)\n]{1,60}\))?\s*"
    # the dash after a space or an outlet's name ("KOMPAS.com-"), never a grade's sign ("predikat A- (…)")
    r"(?:(?<=\s)|(?<=\w\w)|(?<=\)))[–—-]\s")

DATELINE_LINES = 3  # the dateline is on one of the story's first lines (a headline or a caption may come first)


@dataclass
class ArticleContext:
    schemes: Counter
    year: int | None
    region: object | None
    dateline_end: int = 0
    last_scored: tuple | None = None   # (paragraph, mentions) of the latest sentence with a record
    # (predicates, sentence no., names it passed over, names it gave them) of the latest list lead-in
    category: tuple | None = None
    recent_region: tuple | None = None  # (region, sentence no.) of the latest government named
    sentence_no: int = 0
    last_year: int | None = None       # the latest year stated with a score: the round of a list
    subject: str | None = None         # the entity the article names most
    subject_mention: object | None = None  # the mention that first named it
    defined: dict = field(default_factory=dict)  # the article's own abbreviations: {"PPATK": "Pusat Pelaporan ..."}
    # the short forms it defines for a scheme's name: {"IPK": "other"} for "Indeks Persepsi Korupsi (IPK)"
    scheme_short_forms: dict = field(default_factory=dict)
    recorded_values: set = field(default_factory=set)  # scores already recorded: a repeat is not a new result
    group: tuple | None = None         # (predicates, sentence no.) of the latest labelled scored item
    list_region: object | None = None  # the region a bulleted list's header gives its lines
    pending_list: tuple | None = None  # (mentions, sentence no.) of a list named before its predicate
    last_result: object | None = None  # the latest scored record: what "Dengan capaian itu, …" points at
    parties_sentence_no: int = -1      # the sentence the latest named parties were named in
    last_labels: tuple | None = None   # (labels, sentence no.) of the latest predicate-only record
    # (labels, count, sentence no., said of all?) of a group given a label by its number only
    counted_label: tuple | None = None
    told_in: int | None = None         # the year the story is told in (its first date, else its publication)
    # schemes of zones the article names only by their zones while it speaks of another map of them
    zones_of_another_map: frozenset = frozenset()
    colours_of_another_map: frozenset = frozenset()  # colours the story gives to another map's zones


def round_of_list(vocab, context, doc) -> int | None:
    """The article's round, else the year stated with the latest score (the rest of a list belongs
    to the same round), but not in a sentence with a word for now ("Kini Kabupaten X meraih …"
    is not the round of "pada 2021 hanya meraih …"); a sentence that counts on from the year last
    stated ("Pada 2019 … 48,20. Setahun kemudian, nilainya 76,50") is that year's next, and one
    that points back at it ("Kota Y saat itu meraih 65,20") is that year's."""
    later, about_now = _time_words(vocab, doc)
    if later is not None and context.last_year:
        return context.last_year + later
    opens_on_now = _opens_on_now(vocab, doc)
    if opens_on_now and context.year and context.told_in and context.told_in > context.year and _says_this_year(doc):
        # "Polres X meraih predikat WBK pada 2021. Tahun ini, Polres X meraih predikat WBBM." in a
        # story dated 2023: "tahun ini" is the year the story is told in
        return context.told_in
    if context.year and context.year == context.last_year and opens_on_now:
        # "Pada penilaian 2022, Kabupaten X masih … 70,10. Tahun ini, Kabupaten X meraih 88,50":
        # the year named with the earlier value is not the round of the one now
        return None
    if context.year:
        return context.year
    if about_now:
        return None
    return context.last_year


def _says_this_year(doc) -> bool:
    """The sentence opens on "Tahun ini" (or "Pada tahun ini")."""
    return "tahun ini" in " ".join(t.lower_ for t in doc[:4])


def _opens_on_now(vocab, doc) -> bool:
    """"Tahun ini, …", "Kini …", "Saat ini …": a sentence set against what was told before."""
    opening = " ".join(t.lower_ for t in doc[:3])
    return any(opening == w or opening.startswith(w + " ") for w in vocab.lex["now_words"])


def _time_words(vocab, doc) -> tuple[int | None, bool]:
    """(years the sentence counts on by, whether it speaks of now): read once per sentence, not
    once per score (a sentence may hold thousands)."""
    if "time_words" not in doc.user_data:
        said = " " + " ".join(t.lower_ for t in doc) + " "
        later = next((n for phrase, n in vocab.lex["later_year_phrases"].items() if f" {phrase} " in said), None)
        doc.user_data["time_words"] = (later, any(f" {w} " in said for w in vocab.lex["now_words"]))
    return doc.user_data["time_words"]


def read_context(vocab, text: str, title: str, url: str | None = None,
                 published: str | None = None) -> ArticleContext:
    text = without_teasers(vocab, text)  # "Baca juga: … Zona Hijau 2021" is another story's round
    full = title + "\n" + text
    votes = scheme_votes(vocab, text)
    for scheme, count in scheme_votes(vocab, title).items():
        votes[scheme] += 3 * count  # a headline says what the story is about
    year = evaluation_year(vocab, full, published)
    dateline_cores, dateline_end = _dateline(text)
    # governments the article names, leaving out assessors' offices ("Ombudsman RI
    # Perwakilan Provinsi Banten", "Komisi Informasi Provinsi Banten")
    gov_regions: Counter = Counter()
    for match in vocab.government_mention_re.finditer(full):
        preceding = full[max(0, match.start() - 40):match.start()].lower().split()
        if _after_assessor(vocab, preceding) or (preceding and preceding[-1] in vocab.government_place_markers):
            continue  # an assessor's office, or only where something took place ("bertempat di Kabupaten X")
        resolved = resolve_region(vocab, match.group(2), level_of(vocab, match.group(1)))
        if resolved:
            gov_regions[resolved] += 1
    region = None
    in_dateline = [r for r in gov_regions if r.core.lower() in dateline_cores]
    if in_dateline:
        region = max(in_dateline, key=lambda r: gov_regions[r])
    elif gov_regions:
        local = [r for r in gov_regions if r.level != "provinsi"] or list(gov_regions)
        region = max(local, key=lambda r: gov_regions[r])
    else:  # the publisher's own domain ("dinkes.karanganyarkab.go.id"), else the dateline
        region = region_of_host(vocab, url) or next(filter(None, (
            resolve_region(vocab, core.title(), None) for core in dateline_cores)), None)
    defined = defined_abbreviations(full, vocab.abbreviation_joiners)
    return ArticleContext(schemes=votes, year=year, region=region, dateline_end=dateline_end, defined=defined,
                          scheme_short_forms=_scheme_short_forms(vocab, defined),
                          zones_of_another_map=_zones_of_another_map(vocab, full),
                          colours_of_another_map=_colours_of_another_map(vocab, full),
                          # only "tahun ini" asks for it, and reading dates costs
                          told_in=story_year(text, published) if THIS_YEAR_WORDS.search(text) else None)


def _zones_of_another_map(vocab, text: str) -> frozenset:
    """The schemes of zones ("zona hijau") that a story about the pandemic's, the drug agency's
    or the election watchdog's map names only by their zones: "Satgas Covid-19 merilis peta
    risiko … Kabupaten Y masih zona hijau" never names Ombudsman nor its assessment, so its
    zones are that map's."""
    if not _speaks_of_another_map(vocab, text):
        return frozenset()
    zoned = set()
    for scheme, labels in vocab.scheme_predicates.items():
        zones = {label for label in labels if label.split()[0] in vocab.lex["zone_families"]}
        cues = vocab.scheme_cue_res.get(scheme)
        if zones and not (cues and any(m.group(1).lower() not in zones for m in cues.finditer(text))):
            zoned.add(scheme)
    return frozenset(zoned)


def _colours_of_another_map(vocab, text: str) -> frozenset:
    """"Kabupaten X kembali masuk zona merah atau wilayah dengan risiko tinggi penularan Covid-19":
    a colour the story gives to another map's zone (its domain said right after the zone, or
    further on where "atau" defines it). In a story that tells of that map before it names any
    assessment, its other bare zones of that colour are that map's too ("Kota Y dan Kota Z juga
    berstatus zona merah"), unless their sentence names an assessment. A story of the assessment
    that mentions another map later ("… juga masuk zona hijau kerawanan pemilu") keeps its zones."""
    if not _speaks_of_another_map(vocab, text):
        return frozenset()
    colours, first = set(), None
    # a zone word, its colour, "atau" if a definition follows, the words up to the clause's end
    zone_words = re.compile(rf"\b(?:{'|'.join(vocab.lex['zone_families'])})\s+(\w+)(\s+atau\b)?([^.!?;,\n]*)", re.I)
    for found in zone_words.finditer(text):
        # the same reach, in words, as a zone span's in tokens (spans._zone_of_another_map)
        words = found.group(3).split()[:RESTATED_ZONE_REACH if found.group(2) else OTHER_ZONING_REACH]
        if any(w.lower() in vocab.other_zoning_words and (w.islower() or k == 0) for k, w in enumerate(words)):
            colours.add(found.group(1).lower())
            first = found.start() if first is None else first
    zones = set(vocab.lex["zone_families"])
    cues = [m.start() for regex in vocab.scheme_cue_res.values() for m in regex.finditer(text)
            if m.group(0).split()[0].lower() not in zones]
    return frozenset(colours) if first is not None and (not cues or first < min(cues)) else frozenset()


def _speaks_of_another_map(vocab, text: str) -> bool:
    """A word of another map's domain in prose ("kasus Covid-19", "peredaran narkoba", "zona
    oranye"), not inside a name ("Badan Narkotika Nasional")."""
    for found in vocab.other_zoning_re.finditer(text):
        previous = re.search(r"([\w-]+)\W*$", text[max(0, found.start() - 40):found.start()])
        if found.group(0).islower() or (previous is not None and previous.group(1).islower()):
            return True
    return False


def scheme_votes(vocab, text: str) -> Counter:
    """How often `text` names each scheme. "Kementerian Pendayagunaan Aparatur Negara dan Reformasi
    Birokrasi (Kemenpan RB)" names the assessor, not the RB index: assessors' names are masked first."""
    said = vocab.assessor_re.sub(lambda m: " " * len(m.group(0)), text)
    return Counter({scheme: len(regex.findall(said)) for scheme, regex in vocab.scheme_cue_res.items()})


def _scheme_short_forms(vocab, defined: dict) -> dict:
    """{short form: scheme} for each abbreviation whose long form is one scheme's name."""
    found = {}
    for short, long_form in defined.items():
        schemes = {scheme for scheme, regex in vocab.scheme_cue_res.items() if regex.fullmatch(long_form.lower())}
        if len(schemes) == 1:
            found[short] = schemes.pop()
    return found


def without_teasers(vocab, text: str) -> str:
    """The text with each line that links to another story blanked, offsets kept."""
    return "".join(" " * (len(line) - 1) + "\n" if vocab.teaser_re.match(line) and line.endswith("\n")
                   else " " * len(line) if vocab.teaser_re.match(line) else line
                   for line in text.splitlines(keepends=True))


def _after_assessor(vocab, preceding: list[str]) -> bool:
    """"Ombudsman RI Perwakilan Provinsi Banten", "Komisi Informasi Provinsi Banten": the words
    before a government name an assessor or its regional office."""
    tail = " ".join(preceding[-4:])
    return bool(preceding) and (preceding[-1] in {w.lower() for w in vocab.representative_words} | {"kanwil"}
                                or any(tail.endswith(name) for name in vocab.assessor_names))


def region_of_host(vocab, url: str | None):
    """A regional government's site names its region: "karanganyarkab.go.id" (Kabupaten
    Karanganyar), "blitarkota.go.id", "sulselprov.go.id", "padangpanjang.go.id"."""
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # "https://host.[x/…": no host can be read
        return None
    if not host.endswith(".go.id"):
        return None
    label = host[: -len(".go.id")].split(".")[-1]
    for suffix, level in vocab.host_level_suffixes.items():
        if label.endswith(suffix) and len(label) > len(suffix):
            return resolve_region(vocab, label[: -len(suffix)], level)
    return resolve_region(vocab, label, None)


def evaluation_year(vocab, text: str, published: str | None = None) -> int | None:
    """The period the article's results are for: the latest year written onto an evaluation word
    or a scheme cue ("Penilaian Kepatuhan Tahun 2024", "SPBE 2023"), else the latest named after
    one in its sentence. A story compares its round with earlier ones ("Evaluasi SPBE 2021 …
    naik dari Evaluasi SPBE 2019"): the round it reports is the latest.

    Years of regulations ("Nomor 25 Tahun 2009") and of dates ("23 Desember 2022",
    "(8/6/2023)") are publication or legal facts, and a round looked forward to ("menyongsong
    Evaluasi SPBE Tahun 2023") is none yet: none of them is an evaluation period.
    """
    this_year = _said_as_this_year(vocab, text)
    if this_year:
        return this_year
    best = None  # (loose?, -year, year): a year written onto its cue wins over one further on
    in_assessor_name = vocab.within_assessor_names(text)  # "… dan Reformasi Birokrasi" there cues no round
    for cue in [vocab.evaluation_word_re, *vocab.scheme_cue_res.values()]:
        for match in cue.finditer(text):
            if _looked_forward(vocab, text, match.start()) or _compared_round(vocab, text, match.start()) \
                    or in_assessor_name(match.start()):
                continue
            window = text[match.end(): match.end() + 110]
            window = re.split(r"\n|[.!?]\s", window, maxsplit=1)[0]  # within the sentence
            for found in re.finditer(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])", window):
                before = window[:found.start()]
                said_before = text[max(0, match.start() - 40): match.end() + found.start()]  # "Permenpan RB 29 tahun"
                if vocab.regulation_year_re.search(said_before) or re.search(rf"(\d{{1,2}}\s+({MONTHS})|/)\s*$", before, re.I) \
                        or vocab.compared_year_re.search(before) or _upcoming(vocab, before, window[found.end():]):
                    continue
                position = match.end() + found.start()
                # "Penilaian Kepatuhan Tahun 2022", "SPBE 2023": the year on the name itself,
                # not "Ombudsman pada 2023 menyerahkan hasil …" (the year it was told)
                tight = bool(TIGHT_YEAR.fullmatch(before))
                if _in_past_sentence(vocab, text, position, clause_only=tight):
                    # "yang pernah meraih zona hijau pada tahun 2016": history; but in "Dalam
                    # penilaian Ombudsman 2023, X yang tahun lalu meraih 75,2 …" the past is
                    # another clause's
                    continue
                candidate = (not tight, -int(found.group(1)), int(found.group(1)))
                if best is None or candidate < best:
                    best = candidate
                break
            opening = _year_opening_sentence(vocab, text, match.start())
            if opening and (best is None or (True, -opening, opening) < best):
                best = (True, -opening, opening)
    released = _release_year(vocab, text)
    if best:
        # "… diumumkan Desember 2022. Pada penilaian kepatuhan 2021, Pemkab X hanya meraih 70,10":
        # the round released is the story's, a later one than any it looks back on
        return released if released and released > best[2] else best[2]
    if released:
        return released
    # the round named before the assessment words: "Dari Juli sampai Oktober 2023 silam, Ombudsman ..."
    lead = text[: text.find("\n", 200) if text.find("\n", 200) > 0 else 600]
    for found in re.finditer(rf"\b({MONTHS})\s+((?:19|20)\d\d)\b", lead, re.I):
        if not re.search(r"\d{1,2}\s*$", lead[:found.start()]):
            return int(found.group(2))
    # "tahun ini" in a story dated by its event: the round of that date
    if THIS_YEAR_WORDS.search(text):
        return story_year(text, published)
    return None


def story_year(text: str, published: str | None) -> int | None:
    """The year the story is told in: its first date ("Jumat (1/12/2023)"), else, for a page whose
    text names no day, its publication (the portal's byline, read with the page)."""
    for start, end in date_spans(text):
        parsed = parse_date_span(text[start:end])
        if parsed:
            return int(parsed[:4])
    if published and re.match(r"(?:19|20)\d\d-", published):
        return int(published[:4])
    return None


def _said_as_this_year(vocab, text: str) -> int | None:
    """"hasil penilaian …, pada tahun 2018 ini Pemkab X …": the year a sentence about the evaluation
    calls its own is the round. Elsewhere "Pada tahun 2024 ini, kami bertekad …" is only the year
    the story was told."""
    for found in THIS_YEAR.finditer(text):
        sentence = _sentence_at(text, found.start(1))
        if not _in_past_sentence(vocab, text, found.start(1)) and (
                vocab.evaluation_word_re.search(sentence) or any(r.search(sentence) for r in vocab.scheme_cue_res.values())):
            return int(found.group(1))
    return None


COMPARED_VALUE_REACH = 5  # words before a round's name in which "naik dari 70,81 pada" may stand


def _compared_round(vocab, text: str, cue_start: int) -> bool:
    """"meningkat dibandingkan penilaian tahun 2018", "naik dari evaluasi 2021", "naik dari 70,81
    pada evaluasi 2018": a round the story compares its own with."""
    words = [w.strip(",.;:()").lower() for w in text[max(0, cue_start - 60):cue_start].split()]
    if any(w in vocab.lex["compared_words"] or w in vocab.lex["since_words"] for w in words[-2:]):
        return True
    # the value a change started from, then its round, in the same clause
    near = words[-COMPARED_VALUE_REACH:]
    return any(w in vocab.change_from_words and k and near[k - 1] in vocab.change_words for k, w in enumerate(near))


def _upcoming(vocab, before: str, after: str) -> bool:
    """"modal menghadapi penilaian kepatuhan 2023", "pada penilaian tahun 2023 mendatang", "Penilaian
    kepatuhan tahun 2023 akan dimulai pada Mei": a round to come, between an evaluation word and
    the year or right after the year."""
    words = [w.strip(",.;:()") for w in before.lower().split()]
    following = " " + " ".join(w.strip(",.;:()") for w in after.lower().split()[:3]) + " "
    return any(w in vocab.aspiration for w in words) or any(
        f" {phrase} " in following for phrase in vocab.lex["upcoming_round_words"])


def _looked_forward(vocab, text: str, cue_start: int) -> bool:
    """"menyongsong Assessment SPBE Tahun 2023", ""Targetnya pada evaluasi 2024 …", "menargetkan
    seluruh kantah meraih minimal kategori A- pada evaluasi 2024": a round to come, also where a
    word of intent earlier in the clause governs it (a word of achievement between ends its reach)."""
    clause = re.split(r"[.!?;,]\s|\n", text[max(0, cue_start - 200):cue_start])[-1]
    words = [w.strip(",.;:()\"'“”‘’").lower() for w in clause.split()]
    if any(word in vocab.aspiration for word in words[-3:]):
        return True
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word in vocab.lex["achieved_words"]:
            return False
        if word in vocab.lex["intent_words"] or word in vocab.lex["purpose_words"] or (
                word in vocab.lex["purpose_before_verb"] and k + 1 < len(words)
                and words[k + 1].startswith(tuple(vocab.lex["active_verb_prefixes"]))):
            return True  # "… menjadi modal untuk mempertahankan predikat pada penilaian 2024"
    return False


def _year_opening_sentence(vocab, text: str, cue_start: int) -> int | None:
    """"Pada tahun 2022, Ombudsman RI melakukan penilaian kepatuhan …": the period a sentence
    opens with, before its evaluation word."""
    start = max(text.rfind(". ", 0, cue_start), text.rfind("\n", 0, cue_start)) + 1
    head = text[start:cue_start]
    found = LEADING_PERIOD.match(head)
    if not found or _in_past_sentence(vocab, text, start + found.start(1)):
        return None
    return int(found.group(1))


def _release_year(vocab, text: str) -> int | None:
    """"Ombudsman RI merilis hasil penilaian kepatuhan pada 29 Desember 2021": results released
    from October to December are that year's round. A release earlier in the year may be the
    round before, so it says nothing."""
    for match in vocab.release_re.finditer(text):
        after = re.split(r"\n|[.!?]\s", text[match.end(): match.end() + 160], maxsplit=1)[0]
        # "Ombudsman RI Perwakilan Jawa Tengah, Selasa (10/12/2019), menyerahkan …": the day
        # may also be said just before the verb, in the same sentence
        before = re.split(r"\n|[.!?]\s", text[max(0, match.start() - 80): match.start()])[-1]
        for window in (after, before):
            for start, end in date_spans(window):
                parsed = parse_date_span(window[start:end])
                if parsed and int(parsed[5:7]) >= RELEASE_MONTH_SAME_ROUND:
                    return int(parsed[:4])
        # "yang diumumkan Desember 2022": a month and year, no day
        month = re.match(rf"\W*(?:\w+\W+){{0,2}}?({MONTHS})\s+((?:19|20)\d\d)\b", after, re.I)
        parsed = parse_date_span(f"1 {month.group(1)} {month.group(2)}") if month else None
        if parsed and int(parsed[5:7]) >= RELEASE_MONTH_SAME_ROUND:
            return int(parsed[:4])
    return None


def _sentence_at(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    ends = [e for e in (text.find(". ", position), text.find("\n", position)) if e >= 0]
    return text[start: min(ends) if ends else len(text)]


def _in_past_sentence(vocab, text: str, position: int, clause_only: bool = False) -> bool:
    """The sentence (or only the clause) at `position` tells of an earlier state; a sentence that
    opens on an earlier time ("Sebelumnya, Pemkab X meraih zona hijau pada penilaian 2019") does
    in all its clauses."""
    sentence = re.findall(r"\w+", _sentence_at(text, position).lower())
    if opens_on_earlier_words(vocab, sentence[:6]):
        return True
    said = re.findall(r"\w+", _clause_at(text, position).lower()) if clause_only else sentence
    return says_past(vocab, said)


def opens_on_earlier_words(vocab, words: list[str]) -> bool:
    """"Tahun lalu, …", "Pada tahun sebelumnya …", "Dua tahun lalu …", "Sebelumnya, …": the first
    words of a sentence (lowercased, no marks) tell of a time before the round."""
    opening = " ".join(words)
    return (bool(words) and words[0] in vocab.lex["earlier_openings"]) or any(
        opening.startswith(phrase) or opening.startswith("pada " + phrase)
        or (words[:1] and words[0] in vocab.lex["number_words"] and " ".join(words[1:]).startswith(phrase))
        for phrase in vocab.earlier_phrases)


def says_past(vocab, words: list[str]) -> bool:
    """The words tell of an earlier state: "sebelumnya", "pernah", "tahun lalu". A marker that is
    also a connective ("lalu": "A, lalu B, serta C") tells of the past only after a time word
    ("tahun lalu", "dua bulan yang lalu")."""
    for k, word in enumerate(words):
        if word in vocab.past_markers and (word not in vocab.lex["past_after_time_only"] or any(
                w in vocab.lex["time_nouns"] or YEAR_WORD.fullmatch(w) for w in words[max(0, k - 2):k])):
            return True  # "… lalu", after "tahun", "dua bulan yang", "2020 yang"
    return False


def _clause_at(text: str, position: int) -> str:
    sentence_start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    start = max(sentence_start, text.rfind(", ", 0, position) + 1, text.rfind("; ", 0, position) + 1)
    ends = [e for e in (text.find(". ", position), text.find("\n", position), text.find(", ", position),
                        text.find("; ", position)) if e >= 0]
    return text[start: min(ends) if ends else len(text)]


def _dateline(text: str) -> tuple[set[str], int]:
    """"SERANG, KepoinAja79.Com –" or "Samarinda (ANTARA) -": the place filed from, and where it ends."""
    # the dateline opens the story: one of its first lines, prose after the dash; a list line
    # further down ("Kabupaten Banyumas — 96,98 (Kualitas Tertinggi)") is no dateline
    first_lines = [line for line in text[:3000].split("\n") if line.strip()][:DATELINE_LINES]
    match = DATELINE.search(text[:3000])
    if not match or not any(line.lstrip(' "“').startswith(match.group("place")) for line in first_lines) \
            or text[match.end():match.end() + 1].isdigit():
        return set(), 0
    place = match.group("place").strip()
    return {place.lower(), place.split()[-1].lower()}, match.end()
