"""Compare how news outlets frame the same event: cleaning, comparison, figures, reports."""

__version__ = "0.1.0"
