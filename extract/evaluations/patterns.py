"""Span-ruler patterns generated from the rule files: every span the stages read comes from data.

Labels: AGENCY (an alias row), HEAD (a word that opens an agency's name), GOV (a government
prefix), REGION (a gazetteer name or alias), PREDICATE (a scheme's label), GRADE (a letter grade
after its cue word). A span's id says which data row made it.
"""
from __future__ import annotations

import re

SPAN_KEY = "rapor"
# "B." at a sentence end is one token (an initial, to the tokenizer): the dot is dropped later
LETTER_GRADE = re.compile(r"^(AA|A|BB|B|CC|C|D)\.?$")
QUOTE_MARK = {"TEXT": {"IN": ["'", '"', "‘", "“", "’", "”"]}}


def _phrase(label: str, pattern_id: str, phrase: str, attr: str) -> dict:
    return {"label": label, "id": pattern_id, "pattern": phrase.lower() if attr == "LOWER" else phrase, "attr": attr}


def span_patterns(rules) -> list[dict]:
    patterns = []
    for row in rules.agencies:
        alias = row["alias"]
        attr = "LOWER" if len(alias) >= 5 or " " in alias else "ORTH"
        patterns.append(_phrase("AGENCY", f"alias:{alias}", alias, attr))
    for row in rules.agency_heads:
        forms = [(row["head"], "ORTH"), (row["head"].upper(), "ORTH")]  # headlines are often in capitals
        if row["case"] == "any":
            forms.append((row["head"], "LOWER"))
        for form, attr in forms:
            patterns.append(_phrase("HEAD", f"head:{row['head']}", form, attr))
    for prefix, level in rules.lexicon["government_prefixes"].items():
        for form in {prefix.title(), prefix.upper(), prefix.capitalize()}:
            patterns.append(_phrase("GOV", level, form, "ORTH"))
    for region in rules.regions:
        for form in {region.core, region.core.upper()}:
            patterns.append(_phrase("REGION", f"core:{region.core.lower()}", form, "ORTH"))
    for alias, region in rules.region_aliases.items():
        patterns.append(_phrase("REGION", f"alias:{alias}", alias, "ORTH"))
    for scheme, spec in rules.schemes.items():
        for phrase in spec.get("predicates") or []:
            patterns.append(_phrase("PREDICATE", phrase, phrase, "LOWER"))
    grade = {"TEXT": {"REGEX": LETTER_GRADE.pattern}}
    quote = {**QUOTE_MARK, "OP": "?"}
    # "predikat SAKIP BB": a scheme's short name may stand between the cue and the letter
    acronyms = sorted({cue.upper() for spec in rules.schemes.values() for cue in spec.get("cues") or []
                       if " " not in cue and len(cue) <= 5})
    scheme_name = {"TEXT": {"IN": acronyms}, "OP": "?"}
    for cue in rules.lexicon["grade_cues"]:  # one word or several ("mutu pelayanan A")
        patterns.append({"label": "GRADE", "id": cue, "attr": "TOKENS", "pattern": [
            *({"LOWER": word} for word in cue.split()), scheme_name, quote, grade,
            {"TEXT": {"IN": ["-", "+"]}, "OP": "?"}]})
    # "Pemkab Temanggung memperoleh BB": a letter right after a verb of receiving, kept where no
    # name goes on after it
    patterns.append({"label": "GRADE", "id": "after_verb", "attr": "TOKENS", "pattern": [
        {"LOWER": {"IN": rules.lexicon["receiving_verbs"]}}, grade, {"TEXT": {"IN": ["-", "+"]}, "OP": "?"}]})
    # 'predikat SAKIP "B"', 'indeks RB “CC”': a letter in quotes, kept where a cue stands before it
    patterns.append({"label": "GRADE", "id": "quoted", "attr": "TOKENS", "pattern": [
        QUOTE_MARK, grade, {"TEXT": {"IN": ["-", "+"]}, "OP": "?"}, QUOTE_MARK]})
    # "Pemkab Bandung (A)", "81,74 (BB)": a letter in brackets right after a name or a score
    patterns.append({"label": "GRADE", "id": "bracket", "attr": "TOKENS", "pattern": [
        {"TEXT": "("}, grade, {"TEXT": {"IN": ["-", "+"]}, "OP": "?"}, {"TEXT": ")"}]})
    # "1. Kota Pontianak 81,07 A": a letter closing a row right after its score (kept only there)
    patterns.append({"label": "GRADE", "id": "row_end", "attr": "TOKENS", "pattern": [
        grade, {"TEXT": {"IN": ["-", "+"]}, "OP": "?"}]})
    # "4,05 (A-/Sangat Baik)": the letter and its label in one bracket
    patterns.append({"label": "GRADE", "id": "bracket", "attr": "TOKENS", "pattern": [
        {"TEXT": "("}, grade, {"TEXT": {"IN": ["-", "+"]}, "OP": "?"}, {"TEXT": "/"}]})
    return patterns


def add_span_rulers(nlp, rules) -> None:
    """Phrases go to PhraseMatcher-backed rulers (one per attribute: exact case, or lowercased),
    which build in a fraction of the time thousands of token patterns take; the few real token
    patterns (graded letters) get their own ruler. All write to one span group."""
    by_attr: dict[str, list[dict]] = {"ORTH": [], "LOWER": [], "TOKENS": []}
    for pattern in span_patterns(rules):
        attr, body = pattern.pop("attr"), pattern["pattern"]
        by_attr["TOKENS" if isinstance(body, list) else attr].append(pattern)
    for attr, patterns in by_attr.items():
        config = {"spans_key": SPAN_KEY, "annotate_ents": False, "overwrite": False}
        if attr != "TOKENS":
            config["phrase_matcher_attr"] = attr
        nlp.add_pipe("span_ruler", name=f"rapor_spans_{attr.lower()}", config=config).add_patterns(patterns)
