"""What a spider hands to the store: one fetched page or document, as raw as it came.

The body stays bytes for the store; for Scrapy's feed exports (`scrapy crawl portal -o
items.jsonl`) it is serialised as base64, so JSON, JSON lines, CSV and XML feeds carry the exact
bytes the server sent (`base64.b64decode(item["body"])`), beside their SHA-256.
"""
import base64
import hashlib
from dataclasses import dataclass, field


def _base64(body: bytes) -> str:
    return base64.b64encode(body).decode("ascii")


@dataclass
class PageItem:
    url: str
    final_url: str
    portal: str
    status: int
    # not in repr: Scrapy logs a dropped item whole, and its URL is enough
    body: bytes = field(repr=False, metadata={"serializer": _base64})
    content_type: str
    fetched_at: str
    etag: str = ""
    last_modified: str = ""
    kind: str = "page"      # or "document": a result table file, stored in `documents`
    source: str = ""        # documents: how it was found (document:listing, document:ckan, document:article)
    title: str = ""         # documents: the link text or CKAN package title
    sha256: str = ""        # of the body; set from it, so a feed reader can check what it decoded

    def __post_init__(self):
        self.sha256 = self.sha256 or hashlib.sha256(self.body).hexdigest()
