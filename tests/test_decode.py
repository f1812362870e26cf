"""The decoder's shortcuts give what the full steps give: ftfy's repair is skipped only where it would
change nothing, and the binary sniff and the language check count as before (hand-written text)."""

from __future__ import annotations

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.ingest.decode import BinaryInputError, decode_article, english_share, ftfy_config

REPAIRED = "mojibake repaired (ftfy, encoding fixes only)"

# Pieces of text: plain English, typographic marks, accented words, and mojibake of several kinds
# (UTF-8 read as cp1252, as Latin-1 with a lost no-break space, as cp1251; a line opening with "Ã ").
PIECES = (
    "The minister said", " ", "\n", "x", ".", "“Yes,” he said.", "—", "’", "café", "naïve", "œuvre",
    "œ", "â€™", "â€œquoted textâ€\x9d", "Ã©", "Ã ", "Â ", "Â£5", "Ã¼ber", "Ã\xa0", "ÂÂ", "вЂ",
    "ГўВЂВ", "Ø¹Ø±Ø¨", "Ã¢â‚¬â„¢", "× ²", "√±",
)  # fmt: skip


def _decoded(text: str) -> tuple[str, bool]:
    decoded = decode_article(text.encode("utf-8"), "article.txt")
    return decoded.text, REPAIRED in decoded.repairs


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII text.\nSecond line.",
        "“Curly quotes” and an em dash — nothing to repair.\n",
        "He said itâ€™s over.\nâ€œYesâ€\x9d, she said.",
        "A first line.\nÃ tout prix",  # a line opening with "Ã ": ftfy's one line-start rule
        "Fine.\nœ\nend",  # "œ" before a line break (ftfy reads the break as part of the line)
        "Only the second line is bad.\nitÃ©s cafÃ©",
    ],
)
def test_decoded_text_is_ftfys_repair(text: str) -> None:
    fixed, repaired = _decoded(text)
    assert fixed == ftfy.fix_text(text, ftfy_config())
    assert repaired == (fixed != text)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_decoded_text_is_ftfys_repair_generated(text: str) -> None:
    if not text.strip():
        return
    fixed, repaired = _decoded(text)
    assert fixed == ftfy.fix_text(text, ftfy_config())
    assert repaired == (fixed != text)


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"a" * 89 + b"\x01" * 11, True),  # 11 % control bytes
        (b"a" * 90 + b"\x01" * 10, False),  # 10 %: not more than the share
        (b"a" * 50 + b"\t\n\r\f\v" * 10, False),  # whitespace controls do not count
        (b"a" * 80 + b"\x1b\x7f" * 10, False),  # ESC counts, DEL (127) does not: 10 %
        (b"a" * 78 + b"\x1b\x1f" * 11, True),  # 22 %
    ],
)
def test_control_byte_share(data: bytes, binary: bool) -> None:
    if binary:
        with pytest.raises(BinaryInputError, match="control bytes"):
            decode_article(data, "article.txt")
    else:
        assert decode_article(data, "article.txt").text


def test_english_share_by_hand() -> None:
    # words: The, cat, and, THE, dog, said, no, x, s (digits and "_" are not words)
    assert english_share("The cat and THE dog said: no_x 42 s!") == (4 / 9, 9)
    assert english_share("123 ... 456") == (0.0, 0)
