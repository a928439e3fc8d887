"""Pure functions from page bytes to articles, and from article text to evaluation records.

Nothing here touches the network, the database or the clock. Heavy modules (spaCy,
trafilatura) load only when `extract.article` or `extract.evaluations` is imported, so the
store can use the record types cheaply.
"""
from .records import Article, Evaluation

__all__ = ["Article", "Evaluation"]
