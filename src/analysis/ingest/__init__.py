"""Ingest: the manifest, decoding raw files and web pages, loading an event's articles."""
