"""The rule files turned into the sets and regexes the stages look words up in, once per extractor.

Pure: built from `config.Rules`, no I/O of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    rules: object                       # config.Rules
    lex: dict
    regions_by_core: dict               # lowercased core name → [Region]
    agency_by_alias: dict               # lowercased alias → agencies.tsv row
    agency_rows: dict                   # alias as written in agencies.tsv → its row (span ids name the alias)
    head_kinds: dict                    # head as written in agency_heads.tsv → its kind
    unit_words: frozenset
    blocking: frozenset
    score_cues: frozenset
    target_cues: frozenset
    component_cues: frozenset
    award_cues: frozenset
    list_intro: frozenset
    aspiration: frozenset
    past_markers: frozenset
    intro_re: re.Pattern                # a list introducer or a "likewise": a sentence worth reading without a number
    award_noun_re: re.Pattern           # "menerima penghargaan": worth reading right after a group given a label
    generic_predicates: frozenset
    predicate_cues: frozenset
    range_markers: frozenset
    average_cues: frozenset
    group_words: frozenset
    linking_cues: frozenset
    rank_cues: frozenset
    location_markers: frozenset
    government_place_markers: frozenset
    evaluators: frozenset
    scheme_cue_res: dict                # scheme → regex of its cues
    scheme_words: frozenset             # the cues of one word ("ipp", "sakip", "ombudsman")
    topic_re: re.Pattern                # predicates no everyday sentence uses
    candidate_re: re.Pattern            # what a sentence needs to be worth reading
    scheme_predicates: dict             # scheme → set of its labels
    regions_by_joined: dict             # core without spaces, hyphens, dots → [Region]: "tebingtinggi"
    unit_places: dict                   # unit kind → local | named
    national_kinds: frozenset
    national_name_words: frozenset
    self_named_kinds: frozenset
    institution_words: frozenset
    list_separators: frozenset
    local_offices: dict                 # national body → (local office, provincial office)
    assessor_names: tuple               # lowercased, longest first
    assessor_re: re.Pattern             # parts of assessors' names that read as scheme cues, masked
    teaser_re: re.Pattern               # a line that links to another story
    conditional_re: re.Pattern          # a word that supposes a result, not one that only opens a comparison
    count_nouns: frozenset              # a whole number before one of these counts things: units, heads of names
    share_markers: frozenset
    result_markers: frozenset
    percent_direct_cues: frozenset
    clause_connectors: frozenset
    negation_cues: frozenset
    kind_words: frozenset
    category_names: frozenset           # lowercased
    demonstratives: frozenset
    year_lead_words: frozenset          # a year right after one of these states a period
    release_re: re.Pattern              # verbs that release results
    continuation_words: frozenset       # a sentence opening with one runs on a list ("Berikutnya …")
    aggregate_words: frozenset          # a sentence with one tells a national or averaged figure
    anaphor_nouns: dict                 # "daerah tersebut": the kind of mention the noun points back to
    anaphor_group_words: frozenset      # "ketiga perangkat daerah tersebut": a group, not one entity
    grade_cues: frozenset
    give_verbs: frozenset
    representation_words: frozenset
    abbreviation_joiners: frozenset
    conversion_cues: frozenset
    relative_fillers: frozenset
    coordinators: frozenset
    change_from_words: frozenset
    change_to_words: frozenset
    change_words: frozenset
    compared_words: frozenset
    scale_tops: frozenset       # the tops of the schemes' scales ("88,40/100", "4,12/5")
    when_words: frozenset
    threshold_after: frozenset
    number_word_endings: frozenset
    copulas: frozenset
    predicate_families: frozenset
    other_zoning_words: frozenset       # domains of other maps of zones: "covid-19", "narkoba", "pemilu"
    other_zoning_colours: frozenset     # colours only those maps use: "oranye"
    other_zoning_re: re.Pattern         # either, as a word of a text
    earlier_phrases: tuple
    item_turns: frozenset               # words after a score that begin the item of the next value
    level_words: frozenset              # "kabupaten", "kab", "kota", "provinsi", "prov"
    levels: dict                        # government prefix or regional head → level ("pemkab": kabupaten)
    evaluation_word_re: re.Pattern      # a word that names an evaluation
    compared_year_re: re.Pattern        # what a compared year comes after ("dibanding", "sejak")
    regulation_year_re: re.Pattern      # what a regulation's year comes after ("Nomor 25 Tahun")
    government_mention_re: re.Pattern   # a government named by prefix or head: whose story it is
    representative_words: frozenset
    host_level_suffixes: dict           # "kab" in "serangkab.go.id" → kabupaten
    name_openings: frozenset            # the first two words of each place name of two words or more, lowercased
    honorifics: frozenset               # titles before a person's name ("Dr", "H"): a name cannot end on one

    def is_assessor(self, name: str) -> bool:
        """"Kementerian PANRB", "Ombudsman RI Perwakilan Banten", "Kementerian PANRB Bertambah"
        (a headline's capitals): a name that is, or opens with, an assessor's."""
        lowered = name.lower()
        return bool(lowered) and any(lowered == a or lowered.startswith(a + " ") for a in self.assessor_names)

    def within_assessor_names(self, text: str):
        """Whether a position of `text` lies in an assessor's name there ("Kementerian
        Pendayagunaan Aparatur Negara dan Reformasi Birokrasi" names KemenPANRB, not the RB index)."""
        names = [(m.start(), m.end()) for m in self.assessor_re.finditer(text)]
        return lambda position: any(start <= position < end for start, end in names)

    def is_institution(self, long_form: str) -> bool:
        """A defined long form that names a body, not a scheme, a plan, a law or a group."""
        words = long_form.split()
        return len(words) >= 2 and words[0] in self.institution_words and not self.is_assessor(long_form) \
            and joined_key(long_form) not in self.regions_by_joined


def joined_key(name: str) -> str:
    """"Tebing Tinggi", "Tebingtinggi", "Pagar-Alam" → one key: news writes place names with or
    without their spaces."""
    return re.sub(r"[\s.\-]", "", name.lower())


def _alternation(phrases) -> str:
    phrases = sorted(set(phrases), key=len, reverse=True)
    if not phrases:
        raise ValueError("an empty alternation would match everything")
    return "|".join(re.escape(p) for p in phrases)


def build_vocabulary(rules) -> Vocabulary:
    lex = rules.lexicon
    regions_by_core: dict[str, list] = {}
    regions_by_joined: dict[str, list] = {}
    for region in rules.regions:
        regions_by_core.setdefault(region.core.lower(), []).append(region)
        regions_by_joined.setdefault(joined_key(region.core), []).append(region)
    distinctive = {p for spec in rules.schemes.values() for p in spec.get("predicates") or []} - set(lex["generic_predicates"])
    return Vocabulary(
        rules=rules, lex=lex, regions_by_core=regions_by_core,
        agency_by_alias={row["alias"].lower(): row for row in rules.agencies},
        agency_rows={row["alias"]: row for row in rules.agencies},
        head_kinds={row["head"]: row["kind"] for row in rules.agency_heads},
        unit_words=frozenset(lex["unit_words"]), blocking=frozenset(lex["blocking_prefixes"]),
        score_cues=frozenset(lex["score_cues"]), target_cues=frozenset(lex["target_cues"]),
        component_cues=frozenset(lex["component_cues"]), award_cues=frozenset(lex["award_cues"]),
        list_intro=frozenset(lex["list_intro"]), aspiration=frozenset(lex["aspiration_markers"]),
        past_markers=frozenset(lex["past_markers"]),
        award_noun_re=re.compile(r"\b(" + "|".join(map(re.escape, lex["award_nouns"])) + r")\b", re.I),
        intro_re=re.compile(r"\b(" + "|".join(map(re.escape, [*lex["list_intro"], *lex["likewise_phrases"],
                                                               *lex["likewise_after"]])) + r")\b|:", re.I),
        generic_predicates=frozenset(lex["generic_predicates"]), predicate_cues=frozenset(lex["predicate_cues"]),
        range_markers=frozenset(lex["range_markers"]), average_cues=frozenset(lex["average_cues"]),
        group_words=frozenset(lex["group_words"]), linking_cues=frozenset(lex["linking_cues"]),
        rank_cues=frozenset(lex["rank_cues"]), location_markers=frozenset(lex["location_markers"]),
        government_place_markers=frozenset(lex["government_place_markers"]),
        evaluators=frozenset(e.lower() for e in lex["evaluators"]),
        scheme_words=frozenset(cue for spec in rules.schemes.values() for cue in spec.get("cues") or [] if " " not in cue),
        scheme_cue_res={
            scheme: re.compile(r"(?<!\w)(" + "|".join(re.escape(c) for c in sorted(spec["cues"], key=len, reverse=True)) + r")(?!\w)", re.I)
            for scheme, spec in rules.schemes.items() if spec.get("cues")},
        topic_re=re.compile(r"(?<!\w)(" + _alternation(distinctive) + r")(?!\w)", re.I),
        candidate_re=re.compile(
            r"\d|" + "|".join(re.escape(p) for spec in rules.schemes.values() for p in spec.get("predicates") or [])
            + r"|\b(" + "|".join([*lex["number_words"], *lex["grade_cues"]]) + r")\b"
            + r"|\((?-i:[A-D]{1,2}[+-]?)\)", re.I),  # "Polres Blora (A-)": a letter grade in brackets
        scheme_predicates={s: set(spec.get("predicates") or []) for s, spec in rules.schemes.items()},
        regions_by_joined=regions_by_joined, unit_places=dict(lex["unit_places"]),
        national_kinds=frozenset(lex["national_kinds"]), national_name_words=frozenset(lex["national_name_words"]),
        self_named_kinds=frozenset(lex["self_named_kinds"]), institution_words=frozenset(lex["institution_words"]),
        list_separators=frozenset(lex["list_separators"]), local_offices=dict(rules.local_offices),
        assessor_names=tuple(sorted({e.lower() for e in lex["evaluators"]}, key=len, reverse=True)),
        count_nouns=frozenset(lex["unit_words"]) | {row["head"].lower() for row in rules.agency_heads if " " not in row["head"]},
        share_markers=frozenset(lex["share_markers"]), result_markers=frozenset(lex["result_markers"]),
        percent_direct_cues=frozenset(lex["percent_direct_cues"]),
        clause_connectors=frozenset(lex["clause_connectors"]), negation_cues=frozenset(lex["negation_cues"]),
        kind_words=frozenset(lex["kind_words"]), demonstratives=frozenset(lex["demonstratives"]),
        continuation_words=frozenset(lex["continuation_words"]), aggregate_words=frozenset(lex["aggregate_words"]),
        anaphor_nouns=dict(lex["anaphor_nouns"]), anaphor_group_words=frozenset(lex["anaphor_group_words"]),
        honorifics=frozenset(lex["honorifics"]), grade_cues=frozenset(lex["grade_cues"]), give_verbs=frozenset(lex["give_verbs"]),
        representation_words=frozenset(lex["representation_words"]),
        abbreviation_joiners=frozenset(lex["abbreviation_joiners"]),
        conversion_cues=frozenset(lex["conversion_cues"]),
        relative_fillers=frozenset(lex["relative_fillers"]),
        coordinators=frozenset(lex["coordinators"]),
        change_from_words=frozenset(lex["change_from_words"]),
        change_to_words=frozenset(lex["change_to_words"]),
        change_words=frozenset(lex["change_words"]),
        compared_words=frozenset(lex["compared_words"]),
        scale_tops=frozenset(str(spec[key]) for spec in rules.schemes.values()
                             for key in ("scale_max", "converted_scale_max", "legacy_scale_max") if spec.get(key)),
        when_words=frozenset(lex["when_words"]),
        threshold_after=frozenset(lex["threshold_after"]),
        number_word_endings=frozenset(lex["number_word_endings"]),
        copulas=frozenset(lex["copulas"]),
        predicate_families=frozenset(lex["predicate_families"]),
        other_zoning_words=frozenset(lex["other_zoning_words"]),
        other_zoning_colours=frozenset(lex["other_zoning_colours"]),
        other_zoning_re=re.compile(r"(?<![\w-])(" + _alternation([*lex["other_zoning_words"], *lex["other_zoning_colours"]])
                                   + r")(?![\w-])", re.I),
        earlier_phrases=tuple(lex["earlier_phrases"]),
        item_turns=frozenset(lex["change_words"]) | frozenset(lex["compared_words"]) | frozenset(lex["clause_connectors"]),
        level_words=frozenset(p for p in lex["government_prefixes"] if " " not in p and not p.startswith("pem")),
        levels={**lex["government_prefixes"], **lex["regional_heads"]},
        evaluation_word_re=re.compile(r"\b(" + _alternation(lex["evaluation_words"]) + r")\b", re.I),
        compared_year_re=re.compile(r"\b(" + _alternation([*lex["compared_words"], *lex["since_words"]])
                                    + r")\s*(tahun)?\s*$", re.I),
        # "Nomor 25 Tahun", "Permenpan RB 29 tahun", "UU 14/": a regulation word, its number, then the year
        regulation_year_re=re.compile(r"(?<!\w)(" + _alternation(lex["regulation_words"])
                                      + r")\w*(?:\s+[A-Za-z.-]+){0,2}\s*\d+[\w.-]*\s*(tahun|th\.?|/)\s*$"
                                      + r"|(?<!\w)(" + _alternation(lex["regulation_words"]) + r")\s*(tahun|th\.?)?\s*$", re.I),
        # "Pemkab Serang", "Pemerintah Kabupaten (Pemkab) Serang", "Wakil Bupati Kutai Timur"
        government_mention_re=re.compile(
            r"\b(" + _alternation([*(p.title() for p in lex["government_prefixes"]), *(p.title() for p in lex["regional_heads"]),
                                   "Kab."]) + r")\s+(?:\([A-Za-z]+\)\s+)?([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)"),
        representative_words=frozenset(lex["representative_words"]),
        host_level_suffixes=dict(lex["host_level_suffixes"]),
        name_openings=frozenset(" ".join(r.core.lower().split()[:2]) for r in rules.regions if " " in r.core),
        release_re=re.compile(r"\b(" + _alternation(lex["release_words"]) + r")\b", re.I),
        year_lead_words=frozenset(lex["year_lead_words"]) | {
            cue for spec in rules.schemes.values() for cue in spec.get("cues") or [] if " " not in cue}, category_names=frozenset(c.lower() for c in lex["category_names"]),
        teaser_re=re.compile(r"^\W*(" + _alternation(lex["teaser_openings"]) + r")\b", re.I),
        conditional_re=re.compile(r"(?<!\w)(" + _alternation(lex["conditional_words"]) + r")(?!\w)(?!\W+("
                                  + _alternation(lex["conditional_idioms"]) + r")(?!\w))", re.I),
        assessor_re=re.compile(r"(?<!\w)(" + _alternation(lex["assessor_name_parts"]) + r")(?!\w)", re.I),
    )
