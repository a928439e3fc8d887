"""Which articles are copies of one text (a press release printed by several portals), in
near-linear time: MinHash signatures of word shingles (datasketch), LSH banding for candidate
pairs, and the exact shingle Jaccard for the verdict on each candidate.

Datelines and outlet names differ between copies, the body does not, so shingle overlap tells
a reprinted release from two reports of the same event. The verdict is the same test the audit always used — two texts sharing at least half of their
5-word shingles are one release — so LSH only decides which pairs are looked at: a pair at
Jaccard 0.5 is a candidate with probability 0.996 (`found_probability`), one at 0.6 with
0.99996. Signatures are small and depend on the text alone, so the store keeps them and a new
audit round hashes only the articles it has not seen (`pipeline.stages.run_audit`).

Pure: no database, no files, no clock.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable

import numpy as np

SHINGLE = 5                  # words per shingle
THRESHOLD = 0.5              # press-release copies share most shingles; independent reports share few
ROWS, BANDS = 3, 42          # LSH: 42 bands of 3 signature values (see found_probability)
NUM_PERM = ROWS * BANDS
SEED = 1
# Stored beside each signature: changing any parameter above makes old signatures stale.
METHOD = f"minhash-affine32-crc32-w{SHINGLE}-p{NUM_PERM}-s{SEED}"
_WORD = re.compile(r"\w+")
_MIX = np.uint64(0x9E3779B1)  # odd multiplier combining word hashes into a shingle hash


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str) -> set[tuple[str, ...]]:
    """5-word shingles; a text shorter than that is one shingle of all its words."""
    tokens = words(text)
    return {tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}


def jaccard(a: set, b: set) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _shingle_hashes(text: str) -> list[int]:
    """32-bit hashes of the shingles, stable across processes (crc32, not Python's salted hash)."""
    tokens = words(text)
    hashed = np.array([zlib.crc32(t.encode()) for t in tokens] or [0], dtype=np.uint64)
    width = min(SHINGLE, len(hashed))
    count = len(hashed) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):  # polynomial over the words of each shingle, vectorised per offset
        combined = combined * _MIX + hashed[offset:offset + count]
    return (combined & np.uint64(0xFFFFFFFF)).tolist()


def _identity(value: int) -> int:
    return value


def signatures(texts: Iterable[str]) -> list[bytes]:
    """One MinHash signature (NUM_PERM uint32 values, as bytes) per text."""
    from datasketch import MinHash

    return [m.hashvalues.astype("<u4").tobytes() for m in MinHash.generator(
        (_shingle_hashes(t) for t in texts), num_perm=NUM_PERM, seed=SEED, hashfunc=_identity, scheme="affine32")]


def found_probability(similarity: float) -> float:
    """Chance that two texts of this Jaccard similarity share at least one LSH band."""
    return 1 - (1 - similarity ** ROWS) ** BANDS


def candidate_groups(ids: list[int], signature_bytes: list[bytes]) -> Iterable[list[int]]:
    """Groups of ids whose signatures agree on a whole band, band by band (ids sorted in each).

    Sorting each band's values finds equal ones without a hash table per bucket, so memory
    stays one matrix of NUM_PERM values per article.
    """
    if not ids:
        return
    matrix = np.frombuffer(b"".join(signature_bytes), dtype="<u4").reshape(len(ids), NUM_PERM).astype(np.uint64)
    keys = np.asarray(ids)
    for band in range(BANDS):
        columns = matrix[:, band * ROWS:(band + 1) * ROWS]
        # three 32-bit values folded into one 64-bit key; a rare collision only adds a candidate
        folded = columns[:, 0] ^ (columns[:, 1] << np.uint64(21)) ^ (columns[:, 2] << np.uint64(42)) \
            ^ (columns[:, 1] >> np.uint64(43)) ^ (columns[:, 2] >> np.uint64(22))
        order = np.argsort(folded, kind="stable")
        ordered = folded[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], len(ordered)]
        for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1]):
            yield sorted(keys[order[start:end]].tolist())


def clusters(ids: Iterable[int], signature_of: dict[int, bytes],
             text_of: Callable[[list[int]], dict[int, str]]) -> dict[int, int]:
    """article id → cluster id (the smallest id in the cluster); copies of one text share one.

    `text_of(ids)` returns the texts of candidate articles only: the exact test needs them,
    every other article is decided by its signature alone.
    """
    ids = sorted(ids)
    parent = {i: i for i in ids}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    groups = list(candidate_groups(ids, [signature_of[i] for i in ids]))
    texts = text_of(sorted({i for group in groups for i in group}))
    sets: dict[int, set] = {}
    rejected: set[tuple[int, int]] = set()
    for group in groups:
        for position, a in enumerate(group):
            for b in group[position + 1:]:
                if (a, b) in rejected or root(a) == root(b):
                    continue
                if a not in sets:
                    sets[a] = shingles(texts[a])
                if b not in sets:
                    sets[b] = shingles(texts[b])
                if jaccard(sets[a], sets[b]) >= THRESHOLD:
                    low, high = sorted((root(a), root(b)))
                    parent[high] = low  # the smaller id stays the root: cluster ids are stable
                else:
                    rejected.add((a, b))
    return {i: root(i) for i in ids}


def syndication_clusters(articles: dict[int, str]) -> dict[int, int]:
    """article id → cluster id for texts in memory (signatures computed here, none stored)."""
    ids = sorted(articles)
    signature_of = dict(zip(ids, signatures(articles[i] for i in ids)))
    return clusters(ids, signature_of, lambda wanted: {i: articles[i] for i in wanted})
