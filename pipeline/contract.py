"""The measurement contract of `rapor extract --input`: JSONL articles in, JSONL results out,
line for line.

Every input line gets exactly one output line, in order, whatever it holds, so a scorer can
pair them by position as well as by id (`../shared/eval/score.py` pairs by id):

- an article line → `{"id", "evaluations": [...]}`;
- a line that cannot be read (not UTF-8, not JSON, not an object, a field of the wrong type,
  a `url` that is no URL, no text at all) → `{"id", "line", "error", "evaluations": []}`, also reported through
  `on_error` with its line number; the id is kept when it can be read at all;
- a blank line → `{"id": null, "line", "blank": true, "evaluations": []}`, not an error.

The input is read as bytes and each line decoded on its own: one bad byte spoils its line, not
the run. A UTF-8 byte order mark on line 1 is accepted (editors on Windows write one).
"""
from __future__ import annotations

import json
import math
from typing import BinaryIO, Callable, TextIO
from urllib.parse import urlsplit

BOM = b"\xef\xbb\xbf"
# One article line is at most this long; a longer one is an error line and is skipped to its
# end without being held in memory (a file with no newline at all would otherwise be one line).
MAX_LINE_BYTES = 64 * 1024 * 1024
# The fields an article line may carry, and the JSON types each may have (null is always allowed).
FIELD_TYPES = {"text": str, "html": str, "title": str, "url": str, "published": str}
_JSON_TYPE_NAMES = {str: "a string", int: "a number", float: "a number", bool: "true/false",
                    list: "a list", dict: "an object"}


# JSON may carry these raw inside a string, but str.splitlines() and many JSONL readers end a
# line at them: escaped, an output line is one line to every reader (a fuzz find: U+2028).
_LINE_BREAKS_ESCAPED = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


class BadLine(ValueError):
    """An input line that is no article line; the message says why, for the user."""


def read_lines(source: BinaryIO, limit: int | None = None):
    """(line number, bytes without the line end, or None when longer than `limit`) for every line."""
    limit = limit or MAX_LINE_BYTES
    number = 0
    while True:
        raw = source.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # drop the rest of the over-long line
                raw = source.readline(1024 * 1024)
            yield number, None
            continue
        if number == 1 and raw.startswith(BOM):
            raw = raw[len(BOM):]
        yield number, raw.rstrip(b"\r\n")


def _type_name(value) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "a number too large for JSON"
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _no_constant(name: str):
    raise BadLine(f"{name} is not a JSON number")


def _check_text(name: str, value: str) -> None:
    """A string the output can carry: JSON's \\ud800-style escapes can smuggle in half of a
    surrogate pair, which no UTF-8 writer accepts."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadLine(f'"{name}" holds an unpaired surrogate ({value[exc.start]!r} at character {exc.start})') from None


def parse_line(raw: bytes) -> dict:
    """One input line's bytes → its article object, or BadLine saying what is wrong with it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadLine(f"not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start})") from None
    try:
        row = json.loads(text, parse_constant=_no_constant)
    except BadLine:
        raise
    except RecursionError:
        raise BadLine("not JSON: nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and ints past Python's 4,300-digit limit
        raise BadLine(f"not JSON: {exc}") from None
    if not isinstance(row, dict):
        raise BadLine(f"a line must be a JSON object, this one is {_type_name(row)}")
    for name, kind in FIELD_TYPES.items():
        value = row.get(name)
        if value is None:
            continue
        if not isinstance(value, kind):
            raise BadLine(f'"{name}" must be a string or null, not {_type_name(value)}')
        _check_text(name, value)
    if not _echoable_id(row.get("id")):
        raise BadLine(f'"id" must be a string, a finite number or null, not {_type_name(row["id"])}')
    if isinstance(row.get("id"), str):
        _check_text("id", row["id"])
    if row.get("url") is not None:
        try:
            urlsplit(row["url"])
        except ValueError as exc:  # "https://host.[x/…": the rules read the host of the URL
            raise BadLine(f'"url" is not a URL ({exc})') from None
    if row.get("text") is None and row.get("html") is None:
        raise BadLine('the object has neither "text" nor "html"')
    return row


def _echoable_id(value) -> bool:
    """An id the output line can carry as valid JSON: a string, a finite number, or null
    (1e400 reads as infinity, which JSON cannot write)."""
    if value is None or isinstance(value, (str, int)) and not isinstance(value, bool):
        return True
    return isinstance(value, float) and math.isfinite(value)


def _salvaged_id(raw: bytes):
    """The id of a line that failed, when it can still be read: output lines keep their ids."""
    try:
        row = json.loads(raw.decode("utf-8", errors="replace"), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return None
    value = row.get("id") if isinstance(row, dict) else None
    if not _echoable_id(value):
        return None
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")  # no unpaired surrogate
    except UnicodeEncodeError:
        return None
    return value


def article_of(row: dict):
    """An article line → the `Article` it describes (None for HTML that holds no article)."""
    from rapor.extract.article import html_to_article
    from rapor.extract.records import Article

    if row.get("text") is not None:
        return Article(text=row["text"], title=row.get("title"), url=row.get("url"), published=row.get("published"))
    return html_to_article(row["html"], row.get("url"))


def extract_jsonl(source: BinaryIO, sink: TextIO, extractor, on_error: Callable[[int, str], None]) -> tuple[int, int]:
    """Read article lines from `source` (bytes), write one result line per input line to `sink`;
    return (articles extracted, error lines). Nothing an input line holds stops the run."""
    from rapor.extract.article import NotHTML

    done = failed = 0

    def write(row: dict) -> None:
        sink.write(json.dumps(row, ensure_ascii=False).translate(_LINE_BREAKS_ESCAPED) + "\n")

    def fail(number: int, raw: bytes | None, message: str, row_id=None) -> None:
        nonlocal failed
        on_error(number, message)
        write({"id": row_id if raw is None else _salvaged_id(raw), "line": number, "error": message, "evaluations": []})
        failed += 1

    for number, raw in read_lines(source):
        if raw is None:
            fail(number, None, f"line longer than {MAX_LINE_BYTES} bytes; skipped")
            continue
        if not raw.strip():
            write({"id": None, "line": number, "blank": True, "evaluations": []})
            continue
        try:
            row = parse_line(raw)
        except BadLine as exc:
            fail(number, raw, f"not a valid article line: {exc}")
            continue
        try:
            article = article_of(row)
            records = extractor.extract(article) if article else []
        except NotHTML as exc:
            fail(number, None, str(exc), row.get("id"))
            continue
        except Exception as exc:  # noqa: BLE001 — a bug in the rules must cost one line, not the run
            fail(number, None, f"extraction failed (a bug in Rapor, please report it): {type(exc).__name__}: {exc}",
                 row.get("id"))
            continue
        write({"id": row.get("id"), "evaluations": [r.to_contract() for r in records]})
        done += 1
    return done, failed
