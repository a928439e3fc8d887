"""`rapor drain`: the one writer that moves pages distributed workers pushed to Redis into SQLite,
losing none when it is killed.

The hand-off is Redis's reliable-queue pattern. A page is never popped: it is moved
(`LMOVE`/`BLMOVE`, atomic) from the queue to a processing list, stored in one SQLite
transaction, and only then removed from the processing list (`LREM`). A drain killed at any
point leaves the page either still queued or in the processing list, and the next drain first
moves the processing list back to the head of the queue. A page stored just before the kill is
thus stored again, which the store answers with "unchanged" (pages are keyed by URL, and the
bytes are the same): every page ends stored exactly once. (Popping first lost 5 pages of 20,000
to 6 kills, and the workers' duplicate filter never let them be fetched again: issue 11.)

One drain per database at a time (a lock file beside it), and one per Redis: a second drain's
recovery would hand the first one's in-flight page to itself, which costs only a second
"unchanged" write, but counts it twice.
"""
from __future__ import annotations

import base64
import binascii
import json
import logging

from rapor import store
from rapor.crawlers.pipelines import RedisPagePipeline
from rapor.pipeline.stages import database_lock, require_distributed

QUEUE = RedisPagePipeline.KEY                  # what workers push to (RPUSH), oldest at the head
PROCESSING = QUEUE + ":processing"             # moved here before the write, removed after the commit
REJECTED = QUEUE + ":rejected"                 # payloads no drain can read: kept for a person to look at
REQUIRED = {"url": str, "final_url": str, "portal": str, "status": int, "body": str}
OPTIONAL = {"content_type": str, "fetched_at": str, "etag": str, "last_modified": str,
            "kind": str, "source": str, "title": str}   # kind "document": a result document, not a page

logger = logging.getLogger(__name__)


class BadPayload(ValueError):
    """A queued entry that is not a page as `RedisPagePipeline` writes it."""


def decode_payload(raw: bytes) -> dict:
    """A queued entry → the keyword arguments of `store.save_page` (or, with "kind" "document",
    of `store.save_document` less `crawl_run`), or BadPayload."""
    try:
        page = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise BadPayload(f"not JSON ({exc})") from None
    if not isinstance(page, dict):
        raise BadPayload("not a JSON object")
    for key, kind in (*REQUIRED.items(), *OPTIONAL.items()):
        if (key in REQUIRED or page.get(key) is not None) and not isinstance(page.get(key), kind):
            raise BadPayload(f"{key!r} missing or not {kind.__name__}")
    try:
        body = base64.b64decode(page["body"], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BadPayload(f"body is not base64 ({exc})") from None
    fetched = {"url": page["url"], "final_url": page["final_url"], "portal": page["portal"], "status": page["status"],
               "body": body, "content_type": page.get("content_type") or "", "fetched_at": page.get("fetched_at"),
               "etag": page.get("etag") or "", "last_modified": page.get("last_modified") or ""}
    if page.get("kind") == "document":
        fetched.update(kind="document", source=page.get("source") or "", title=page.get("title") or "")
    return fetched


def save(db, fetched: dict, crawl_run: int) -> str:
    """One decoded entry into the store, in one transaction; its outcome as counted per portal."""
    if fetched.get("kind") == "document":
        document = {key: value for key, value in fetched.items() if key != "kind"}
        return "documents_" + store.save_document(db, **document, crawl_run=crawl_run)
    return store.save_page(db, **fetched, crawl_run=crawl_run)


def recover(server) -> int:
    """Put back at the head of the queue, in their order, the pages a dead drain had taken."""
    moved = 0
    while server.lmove(PROCESSING, QUEUE, "RIGHT", "LEFT") is not None:
        moved += 1
    return moved


def _reject(server, raw: bytes) -> None:
    with server.pipeline(transaction=True) as atomic:  # kept, never lost, never retried
        atomic.rpush(REJECTED, raw)
        atomic.lrem(PROCESSING, 1, raw)
        atomic.execute()


def drain(redis_url: str, db_path: str, wait: float = 0.0) -> dict[str, dict[str, int]]:
    """Store every queued page; with `wait`, keep waiting that long for more once the queue is
    empty. Returns counts per portal ("seen", the store's outcomes); "(drain)" counts pages
    recovered from a dead drain and payloads rejected. A StoreError (busy, full disk) stops the
    drain with the page still in the processing list, where the next drain finds it."""
    require_distributed()  # without the [distributed] extra: one line saying how to get it
    import redis

    server = redis.Redis.from_url(redis_url)
    db = store.open_db(db_path)
    counts: dict[str, dict[str, int]] = {}
    runs: dict[str, int] = {}
    status = "failed"
    with database_lock(db_path, "drain", f"another drain is running on {db_path}; not starting a second"):
        try:
            if recovered := recover(server):
                logger.warning("%d pages a dead drain had taken are queued again", recovered)
                counts["(drain)"] = {"recovered": recovered}
            while True:
                raw = (server.blmove(QUEUE, PROCESSING, wait, "LEFT", "RIGHT") if wait
                       else server.lmove(QUEUE, PROCESSING, "LEFT", "RIGHT"))
                if raw is None:
                    break
                try:
                    page = decode_payload(raw)
                except BadPayload as exc:
                    logger.error("unreadable page payload moved to %s: %s", REJECTED, exc)
                    _reject(server, raw)
                    tally = counts.setdefault("(drain)", {})
                    tally["rejected"] = tally.get("rejected", 0) + 1
                    continue
                portal = page["portal"]
                if portal not in runs:
                    runs[portal] = store.start_run(db, portal)
                outcome = save(db, page, runs[portal])                         # committed here …
                server.lrem(PROCESSING, 1, raw)                                  # … and only then let go
                per_portal = counts.setdefault(portal, {"seen": 0})
                per_portal["seen"] += 1
                per_portal[outcome] = per_portal.get(outcome, 0) + 1
            status = "finished"
        finally:
            for portal, run in runs.items():
                try:
                    store.finish_run(db, run, status=status, counts=counts.get(portal, {}), error_counts={},
                                     finish_reason="drained" if status == "finished" else "store_error")
                except store.StoreError:
                    pass  # the database refuses even this: the next start closes the run
    return counts
