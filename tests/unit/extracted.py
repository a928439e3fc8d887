"""The one way the extraction tests read a text: every record it returns must explain itself."""
from rapor.extract.records import Article


def extracted(extractor, text, title=None, url=None) -> list:
    """The records of a text, each checked to quote the text exactly at its own offsets."""
    records = extractor.extract(Article(text=text, title=title, url=url))
    for record in records:
        assert text[record.start:record.end] == record.quote
    return records
