"""Rapor's Scrapy project: one generic portal spider driven by `config/portals/*.yaml`.

Spiders fetch and hand raw pages to the store; they never parse evaluations, so a rule fix
needs only a re-extract, never a re-crawl.
"""
