"""What a spider hands to the store: one fetched page or document, as raw as it came."""
from dataclasses import dataclass, field


@dataclass
class PageItem:
    url: str
    final_url: str
    portal: str
    status: int
    body: bytes = field(repr=False)  # Scrapy logs a dropped item whole: its URL is enough
    content_type: str
    fetched_at: str
    etag: str = ""
    last_modified: str = ""
    kind: str = "page"      # or "document": a result table file, stored in `documents`
    source: str = ""        # documents: how it was found (document:listing, document:ckan, document:article)
    title: str = ""         # documents: the link text or CKAN package title
