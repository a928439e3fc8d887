"""Rapor's crawl settings for the fault portal test: a hanging page fails in 3 s, not 30 s."""
from rapor.crawlers.settings import *  # noqa: F401,F403 — the real settings, one changed

DOWNLOAD_TIMEOUT = 3
