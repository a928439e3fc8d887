"""What a spider hands to the store: one fetched page, as raw as it came."""
from dataclasses import dataclass


@dataclass
class PageItem:
    url: str
    final_url: str
    portal: str
    status: int
    body: bytes
    content_type: str
    fetched_at: str
    etag: str = ""
    last_modified: str = ""
