"""Wiring of the stages and the `rapor` command line."""
