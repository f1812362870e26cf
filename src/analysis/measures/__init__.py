"""Measures: each a function of an event's clean articles that returns a long table."""
