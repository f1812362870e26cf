"""Which cue owns a content (issue 12, fourth round): a reported clause belongs to the nearest cue
before it, and an inner report keeps its own source. Every sentence is hand-written for the pattern
it tests."""

from __future__ import annotations

from test_attribution_cues import contents


def test_a_that_clause_belongs_to_the_nearer_cue() -> None:
    found = contents(
        '"The ferry will run," Mayor Anna Berg says, but she cautions that the tolls will rise.'
    )
    assert ("the tolls will rise", "she", "caution") in found
    assert [row for row in found if row[2] == "say"] == []
