"""Tests for analysis.text.offsets: text whose characters remember their raw offsets."""

from __future__ import annotations

import re

import pytest

from analysis.text.offsets import Tracked


def identity(text: str) -> Tracked:
    return Tracked.from_raw(text, 0, len(text))


def test_from_raw_maps_each_character_to_itself() -> None:
    raw = "xxHello, worldyy"
    tracked = Tracked.from_raw(raw, 2, 14)
    assert tracked.text == "Hello, world"
    assert tuple(tracked.starts) == tuple(range(2, 14))
    assert tuple(tracked.ends) == tuple(range(3, 15))
    assert len(tracked) == 12
    assert tracked.raw_span() == (2, 14)
    assert tracked.raw_span(7, 12) == (9, 14)
    assert raw[slice(*tracked.raw_span(7, 12))] == "world"


def test_raw_span_of_an_empty_range_is_a_point() -> None:
    tracked = Tracked.from_raw("abcdef", 1, 5)  # "bcde" at 1..5
    assert tracked.raw_span(2, 2) == (3, 3)
    assert tracked.raw_span(3, 1) == (4, 4)
    assert tracked.raw_span(4, 4) == (5, 5)  # past the end: the end of the last character
    assert identity("").raw_span() == (0, 0)


def test_one_to_one_substitution_keeps_exact_offsets() -> None:
    raw = "a \u201cquoted\u201d word"
    tracked = identity(raw).apply([(2, 3, '"'), (9, 10, '"')])
    assert tracked.text == 'a "quoted" word'
    assert tuple(tracked.starts) == tuple(range(len(raw)))
    assert tuple(tracked.ends) == tuple(range(1, len(raw) + 1))


def test_deletion_keeps_offsets_of_the_surviving_characters() -> None:
    raw = 'say " hi " now'
    tracked = identity(raw).apply([(5, 6, ""), (8, 9, "")])
    assert tracked.text == 'say "hi" now'
    assert tuple(tracked.starts) == (0, 1, 2, 3, 4, 6, 7, 9, 10, 11, 12, 13)
    assert tuple(tracked.ends) == tuple(start + 1 for start in tracked.starts)
    # the quoted word maps back to the raw quoted word with its spaces
    assert tracked.raw_span(4, 8) == (4, 10)
    assert raw[4:10] == '" hi "'


def test_insertion_maps_to_a_zero_width_point() -> None:
    raw = "ab"
    tracked = identity(raw).apply([(1, 1, "XY")])
    assert tracked.text == "aXYb"
    assert tuple(tracked.starts) == (0, 1, 1, 1)
    assert tuple(tracked.ends) == (1, 1, 1, 2)
    assert tracked.raw_span(1, 3) == (1, 1)


def test_insertion_at_the_end_maps_to_the_end() -> None:
    tracked = identity("ab").apply([(2, 2, "!")])
    assert tracked.text == "ab!"
    assert tracked.starts[2] == tracked.ends[2] == 2


def test_longer_replacement_covers_the_replaced_range() -> None:
    raw = "x(G)y"
    tracked = identity(raw).apply([(1, 4, "(left)")])
    assert tracked.text == "x(left)y"
    assert tracked.raw_span(1, 7) == (1, 4)
    assert tuple(tracked.starts) == (0, 1, 2, 3, 3, 3, 3, 4)
    assert tuple(tracked.ends) == (1, 2, 3, 4, 4, 4, 4, 5)


def test_shorter_replacement_covers_the_replaced_range() -> None:
    raw = "e\u0301t\u00e9"  # decomposed é, t, precomposed é
    tracked = identity(raw).apply([(0, 2, "\u00e9")])
    assert tracked.text == "\u00e9t\u00e9"
    assert tuple(tracked.starts) == (0, 2, 3)
    assert tuple(tracked.ends) == (2, 3, 4)


def test_edits_are_applied_in_offset_order() -> None:
    tracked = identity("abcdef").apply([(4, 5, "E"), (0, 1, "A")])
    assert tracked.text == "AbcdEf"
    assert tuple(tracked.starts) == tuple(range(6))


def test_composed_edits_keep_mapping_to_the_original_raw() -> None:
    raw = "<<  a  >>"
    first = identity(raw).apply([(0, 2, '"'), (7, 9, '"')])  # '"  a  "'
    assert first.text == '"  a  "'
    second = first.apply([(1, 3, ""), (4, 6, "")])
    assert second.text == '"a"'
    assert tuple(second.starts) == (0, 4, 7)
    assert tuple(second.ends) == (2, 5, 9)
    assert second.raw_span() == (0, 9)


@pytest.mark.parametrize(
    "edits",
    [
        [(0, 3, ""), (2, 4, "")],
        [(1, 4, "x"), (3, 3, "y")],
        [(2, 5, "z"), (0, 3, "")],
    ],
)
def test_overlapping_edits_raise(edits: list[tuple[int, int, str]]) -> None:
    with pytest.raises(ValueError, match="overlapping edit"):
        identity("abcdef").apply(edits)


def test_sub_with_string_and_group_reference() -> None:
    raw = "a  ,b ."
    tracked = identity(raw).sub(re.compile(r" +([,.])"), r"\1")
    assert tracked.text == "a,b."
    # "," replaced "  ," (raw 1..4); "." replaced " ." (raw 5..7)
    assert tuple(tracked.starts) == (0, 1, 4, 5)
    assert tuple(tracked.ends) == (1, 4, 5, 7)


def test_sub_with_callable() -> None:
    tracked = identity("one two").sub(re.compile(r"\w+"), lambda m: m.group(0).upper())
    assert tracked.text == "ONE TWO"
    assert tuple(tracked.starts) == tuple(range(7))
    assert tuple(tracked.ends) == tuple(range(1, 8))


def test_sub_without_match_is_identity() -> None:
    tracked = identity("abc").sub(re.compile("z"), "y")
    assert tracked == identity("abc")


def test_strip_keeps_offsets() -> None:
    tracked = Tracked.from_raw("..  ab c \n..", 2, 10)
    assert tracked.text == "  ab c \n"
    stripped = tracked.strip()
    assert stripped.text == "ab c"
    assert tuple(stripped.starts) == (4, 5, 6, 7)
    assert tuple(stripped.ends) == (5, 6, 7, 8)
    assert identity("   ").strip().text == ""


def test_join_maps_separator_to_the_point_after_the_previous_part() -> None:
    raw = "ab\n\ncd\nef"
    parts = [Tracked.from_raw(raw, 0, 2), Tracked.from_raw(raw, 4, 6), Tracked.from_raw(raw, 7, 9)]
    joined = Tracked.join(parts, "--")
    assert joined.text == "ab--cd--ef"
    assert tuple(joined.starts) == (0, 1, 2, 2, 4, 5, 6, 6, 7, 8)
    assert tuple(joined.ends) == (1, 2, 2, 2, 5, 6, 6, 6, 8, 9)
    assert joined.raw_span(4, 6) == (4, 6)
    assert joined.raw_span() == (0, 9)
    assert Tracked.join([], " ").text == ""


def test_part_is_the_slice_with_its_offsets() -> None:
    tracked = identity("ab cd").apply([(2, 3, "")])  # "abcd" from 0, 1, 3, 4
    part = tracked.part(1, 3)
    assert part.text == "bc"
    assert tuple(part.starts) == (1, 3)
    assert tuple(part.ends) == (2, 4)
    assert part.raw_span() == (1, 4)


def test_offsets_are_compact_machine_integers() -> None:
    raw = "x" * 10_000
    tracked = Tracked.from_raw(raw, 0, len(raw)).apply([(5, 6, "yz")])
    for offsets in (tracked.starts, tracked.ends):
        assert offsets.itemsize == 8 and len(offsets) == len(tracked.text)
    assert tracked.starts[-1] == len(raw) - 1 and tracked.ends[-1] == len(raw)


def test_equal_values_are_equal_and_hash_alike() -> None:
    first = identity("a  b").apply([(1, 3, " ")])
    second = identity("a  b").apply([(1, 3, " ")])
    shifted = Tracked.from_raw("xa b", 1, 4)
    assert first == second and hash(first) == hash(second) and len({first, second}) == 1
    assert first.text == shifted.text and first != shifted  # same text, other offsets
