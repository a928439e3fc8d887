"""Where one part of a sentence ends and the next begins: clauses and list items.

A clause ends at a contrasting connector ("sedangkan", "sementara", "adapun"): "zona merah
dihuni A dan B, sedangkan zona hijau diraih C dan D" is two groups with two predicates. Pure.
"""
from __future__ import annotations

import re

BULLET = re.compile(r"^\s*(?:[•·*–-]|\d{1,3}[.)])\s")   # a line of a list: "• Dinkes (92,71)", "3. Pemkab X"


def is_list_line(chunk: str) -> bool:
    return bool(BULLET.match(chunk))


def clauses(vocab, doc) -> list[tuple[int, int]]:
    """Token ranges of the sentence's clauses, split before each clause connector. A semicolon
    does not split: "diraih A dan B; disusul C; lalu D" is one list."""
    bounds, start = [], 0
    for token in doc:
        if token.i > start and token.lower_ in vocab.clause_connectors:
            bounds.append((start, token.i))
            start = token.i
    bounds.append((start, len(doc)))
    return [b for b in bounds if b[1] > b[0]]


def clause_of(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    return next(((s, e) for s, e in bounds if s <= position < e), bounds[-1] if bounds else (0, 0))


def _first_giving(vocab, doc) -> int:
    """Position of the sentence's first verb of giving (its length if none), found once per sentence."""
    if "first_giving" not in doc.user_data:
        doc.user_data["first_giving"] = next((t.i for t in doc if t.lower_ in vocab.give_verbs), len(doc))
    return doc.user_data["first_giving"]


def list_intro(vocab, doc, start: int, end: int) -> int | None:
    """Index of the first list-introducing token in doc[start:end] ("yaitu", "diisi oleh",
    "antara lain", ":"): what follows is the list."""
    for token in doc[start:end]:
        word = token.lower_
        if word == "kepada" and _first_giving(vocab, doc) < token.i:
            # "memberikan predikat zona hijau kepada Pemkot X, serta zona kuning kepada …": the
            # verb of giving governs each "kepada" after it, though it stands before `start`
            return token.i
        if word in vocab.list_intro or token.text == ":":
            k = token.i
            # "diisi oleh", "ditempati oleh", "diterima langsung oleh": the agent is the list
            if k + 1 < end and doc[k + 1].lower_ == "oleh":
                k += 1
            elif k + 2 < end and doc[k + 1].lower_ in vocab.lex["agent_adverbs"] and doc[k + 2].lower_ == "oleh":
                k += 2
            return k
        if token.i + 1 < end and f"{word} {doc[token.i + 1].lower_}" in vocab.list_intro:
            return token.i + 1
        if token.i + 2 < end and doc[token.i + 1].text == "-" and f"{word}-{doc[token.i + 2].lower_}" in vocab.list_intro:
            return token.i + 2  # "masing-masing": the tokenizer keeps reduplications apart
    return None


def opens_on_told_result(vocab, doc) -> bool:
    """"Nilai itu naik …", "Dengan capaian tersebut, …": a sentence that opens by pointing at the
    result just told."""
    return any(doc[i].lower_ in vocab.score_cues and doc[i + 1].lower_ in vocab.demonstratives
               for i in range(min(3, len(doc) - 1)))


INTENT_REACH = 6   # tokens before a verb of receiving in which a word of intent still governs it


def doc_words(doc) -> frozenset:
    """The sentence's words, lowercased, read once: a rule whose words the sentence lacks need not
    walk its tokens (a sentence may hold thousands of scores)."""
    if "words" not in doc.user_data:
        doc.user_data["words"] = frozenset(t.lower_ for t in doc)
    return doc.user_data["words"]


def aimed_at(vocab, doc, verb: int) -> bool:
    """"menargetkan meraih zona hijau", "bertekad meraih nilai 90", "meminta seluruh OPD meraih
    …": the verb of receiving at `verb` is what a word of intent before it in its clause aims at
    or calls for; a word of achievement between ends that reach ("berupaya keras dan akhirnya
    meraih")."""
    if doc_words(doc).isdisjoint(vocab.lex["intent_words"]):
        return False
    for token in reversed(doc[max(0, verb - INTENT_REACH):verb]):
        if token.is_punct or token.lower_ in vocab.lex["achieved_words"]:
            return False
        if token.lower_ in vocab.lex["intent_words"]:
            return True
    return False
