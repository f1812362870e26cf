"""Decode and sniff the bytes of a raw article: encoding, mojibake, binary, HTML, empty, language.

Researchers feed the tool whatever their scrapers produce, so the bytes of an article are checked before
cleaning and every problem names the file (:class:`analysis.errors.InputError`). Nothing here writes.

- Encoding: a byte-order mark decides first (UTF-8, UTF-16 and UTF-32 BOMs; Unicode Standard §23.8); then
  strict UTF-8; then Windows-1252 and, for the five bytes cp1252 leaves undefined, Latin-1 (ISO 8859-1),
  recorded as a repair. This is the order WHATWG's Encoding Standard uses for a BOM, and the common
  "UTF-8 else cp1252" fallback of text tools. A web page (:func:`decode_html`) is decoded with the charset
  its ``<meta charset>`` or ``http-equiv`` declares between the BOM and the fallbacks (WHATWG's prescan;
  ``iso-8859-1``, ``latin1`` and ``ascii`` mean windows-1252 there).
- Mojibake (UTF-8 bytes once decoded as Latin-1 / cp1252, e.g. ``â€™`` for ``’``) is repaired with ftfy
  (Speer 2019, "ftfy", Zenodo, doi:10.5281/zenodo.2591652) configured to fix encoding only: no quote,
  width or line-break normalisation, which the cleaning rules do and log themselves.
- Binary: NUL bytes, PNG/PDF/ZIP/GIF/JPEG magic numbers, or more than 10 % control bytes (the heuristic of
  ``file(1)`` and of Git's ``buffer_is_binary``, which looks for NUL in the first 8000 bytes).
- Saved HTML page: a doctype, ``<html>``, ``<head>`` or ``<body>`` tag near the start. :func:`read_article`
  extracts the main text of a page (:mod:`analysis.ingest.web_page`): of a ``.html``/``.htm`` file as a matter
  of course, of a page saved under another name (e.g. ``.txt``) as a recorded repair.
- Language: the share of running words that are English function words (Grefenstette 1995, "Comparing two
  language identification schemes", JADT 1995: short frequent words identify a language well from a few
  dozen words). English news prose has a share around 0.35-0.5 (the seed articles, page furniture included: 0.35); other languages written in Latin script
  score below 0.1 with this list. Texts with a share below :data:`ENGLISH_MIN_SHARE` (0.15) are "not
  English"; texts under :data:`LANGUAGE_MIN_WORDS` words are not judged.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.errors import InputError
from analysis.ingest.web_page import Extracted, extract_html

if TYPE_CHECKING:
    import ftfy

BINARY_CONTROL_SHARE = 0.10
ENGLISH_MIN_SHARE = 0.15
LANGUAGE_MIN_WORDS = 20
_SNIFF_BYTES = 8000

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
}
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
HTML_SUFFIXES = (".html", ".htm")
_META_CHARSET = re.compile(r"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii"})
#: Bytes below 32 other than the whitespace controls: what counts as a control byte for binary data.
_CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in b"\t\n\r\f\v")
_HTML = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# 61 frequent English function words (articles, pronouns, prepositions, auxiliaries, conjunctions).
_STOPWORD_TEXT = (
    "the of and to a in is that for it as was with be by on not he i this are or his from at which "
    "but have an they you were her she there been has their one all we would will its who had said "
    "also after more into than them when over about our can may up out"
)
ENGLISH_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


class BinaryInputError(InputError):
    """The file holds binary data, not text."""


class HtmlInputError(InputError):
    """The file is a saved HTML page."""


class EmptyInputError(InputError):
    """The file is empty or holds only whitespace."""


class NotEnglishError(InputError):
    """The article is not (detected as) English."""


@dataclass(frozen=True)
class Decoded:
    """Text of one article with the encoding used and the repairs made (empty when none)."""

    text: str
    encoding: str
    repairs: list[str] = field(default_factory=list)


def _is_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return "binary data (NUL bytes; or UTF-16/32 without a byte-order mark)"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > BINARY_CONTROL_SHARE:
        return f"binary data ({controls / len(head):.0%} control bytes)"
    return None


def _may_change(text: str) -> bool:
    """False when ftfy's encoding fixes (:func:`_fix_mojibake`) cannot change ``text``.

    ``ftfy.fix_text`` fixes each line (up to and with its ``\\n``) alone; its first test returns a
    line unchanged when the line is ASCII or ftfy's mojibake test (``ftfy.badness.is_bad``) finds
    nothing in it, and every other fix is off in our configuration. The same test is made here, on
    the non-ASCII lines only, without ftfy's per-line work; a line longer than ftfy's segment limit
    (``max_decode_length``), which ftfy would cut, counts as changeable.
    """
    if text.isascii():
        return False
    from ftfy.badness import is_bad

    limit = ftfy_config().max_decode_length
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        line = text[start:end]
        if not line.isascii() and (len(line) > limit or is_bad(line)):
            return True
        start = end
    return False


@functools.cache
def ftfy_config() -> ftfy.TextFixerConfig:
    """ftfy's configuration here: encoding fixes only (no quote, width or line-break changes)."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def _fix_mojibake(text: str) -> str:
    if not _may_change(text):
        return text
    import ftfy

    return ftfy.fix_text(text, ftfy_config())


def decode_article(data: bytes, path: Path | str) -> Decoded:
    """Decode the bytes of the article at ``path``; raise :class:`InputError` naming it if it is not text."""
    return _checked(*_decode(data, path), path)


def decode_html(data: bytes, path: Path | str) -> Decoded:
    """Decode a saved web page: byte-order mark, then the charset its ``<meta>`` declares, then as text."""
    return _checked(*_decode(data, path, _declared_charset(data)), path, html=True)


def read_article(data: bytes, path: Path | str) -> tuple[Decoded, Extracted | None]:
    """The text of an article and, for a web page, its extraction (:mod:`analysis.ingest.web_page`).

    A file named ``.html``/``.htm`` is a web page and its text is the extracted main text. A page saved
    under another name is extracted too, and that is recorded as a repair.
    """
    if Path(path).suffix.lower() in HTML_SUFFIXES:
        return _extract(decode_html(data, path), path, [])
    try:
        return decode_article(data, path), None
    except HtmlInputError:
        suffix = Path(path).suffix or "text"
        repair = f"HTML page in a {suffix} file: main text extracted with trafilatura"
        return _extract(decode_html(data, path), path, [repair])


def _extract(decoded: Decoded, path: Path | str, repairs: list[str]) -> tuple[Decoded, Extracted]:
    extracted = extract_html(decoded.text, path)
    return Decoded(extracted.text, decoded.encoding, [*repairs, *decoded.repairs]), extracted


def _declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset a page's ``<meta>`` declares (WHATWG labels), if known."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES].decode("latin-1"))
    if not match:
        return None
    label = match.group(1).lower()
    if label in _LATIN1_LABELS:
        return "cp1252"  # WHATWG: these labels mean windows-1252
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # WHATWG: a <meta> read as ASCII cannot declare UTF-16 or UTF-32; it means UTF-8
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _decode(
    data: bytes, path: Path | str, declared: str | None = None
) -> tuple[str, str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(path, f"has a {encoding} byte-order mark but is not valid {encoding} "
                                       f"(byte {error.start})") from None  # fmt: skip
            if encoding == "utf-8-sig":
                return text, encoding, ["UTF-8 byte-order mark removed"]
            return text, encoding, [f"decoded as {encoding} (byte-order mark)"]
    what = _is_binary(data)
    if what:
        raise BinaryInputError(path, f"is {what}, not text")
    repairs: list[str] = []
    if declared and declared != "utf-8":  # UTF-8 is tried next anyway
        try:
            return data.decode(declared), declared, []
        except UnicodeDecodeError as error:
            repairs = [f"not valid {declared} as its <meta> declares (byte {error.start})"]
    try:
        return data.decode("utf-8"), "utf-8", repairs
    except UnicodeDecodeError as error:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
        repairs.append(f"not valid UTF-8 (byte {error.start}); decoded as {encoding}")
        return text, encoding, repairs


def _checked(
    text: str, encoding: str, repairs: list[str], path: Path | str, html: bool = False
) -> Decoded:
    if not text.strip():
        raise EmptyInputError(path, "is empty" if not text else "holds only whitespace")
    if not html and _HTML.search(text[:_SNIFF_BYTES]):
        raise HtmlInputError(path, "looks like a saved HTML page; save it as .html")
    fixed = _fix_mojibake(text)
    if fixed != text:
        repairs = [*repairs, "mojibake repaired (ftfy, encoding fixes only)"]
    return Decoded(fixed, encoding, repairs)


def english_share(text: str) -> tuple[float, int]:
    """Share of words that are English function words, and the number of words."""
    tokens = _WORD.findall(text)
    if not tokens:
        return 0.0, 0
    found = sum(map(ENGLISH_STOPWORDS.__contains__, map(str.lower, tokens)))
    return found / len(tokens), len(tokens)


def check_language(text: str, language: str, path: Path | str) -> None:
    """Raise :class:`NotEnglishError` naming ``path`` unless the article is analysable English."""
    if (language or "en").lower() not in ("en", "eng", "english"):
        raise NotEnglishError(
            path, f"manifest language is {language!r}; only English ('en') articles are analysed"
        )
    share, count = english_share(text)
    if count >= LANGUAGE_MIN_WORDS and share < ENGLISH_MIN_SHARE:
        raise NotEnglishError(
            path,
            f"not English (stop-word share {share:.2f} < {ENGLISH_MIN_SHARE}); manifest says 'en'",
        )
