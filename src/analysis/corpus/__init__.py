"""Corpus runs: many events and outlets, batch feature extraction, Parquet tables, Dask.

- :mod:`~analysis.corpus.plan` — partitions of whole events and their input fingerprints (resume);
- :mod:`~analysis.corpus.extract` — the work of one partition: clean, batch features, event comparison;
- :mod:`~analysis.corpus.engine` — where partitions run: in process or on ``dask.distributed``;
- :mod:`~analysis.corpus.store` — Parquet datasets, one file per partition, written atomically;
- :mod:`~analysis.corpus.profiles` — outlet profiles across events with bootstrap intervals;
- :mod:`~analysis.corpus.run` — :func:`extract_corpus`, tying them together.
"""

from __future__ import annotations

from analysis.corpus.run import Extraction, corpus_name, corpus_out_dir, extract_corpus

__all__ = ["Extraction", "corpus_name", "corpus_out_dir", "extract_corpus"]
