"""The cleaning rule set: loaded from YAML (``codebooks/cleaning_rules.yaml``), validated, compiled.

Rules are data so that a researcher can read, extend and cite them; the kinds they may use are
implemented in :mod:`analysis.text.cleaning`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from analysis import config
from analysis.errors import InputError

LINE_KINDS = ("drop_line", "drop_repeat")
TEXT_KINDS = ("replace", "unicode_nfc", "quote_spacing")
NEEDS_PATTERN = ("drop_line", "replace")
#: A ``drop_line`` rule drops only a line of at most this many characters: captions, share bars and
#: by-lines are short (the longest dropped on BASIL, PolNeAR and the seed: 223), so a longer line is
#: text, and an article saved as one line is never dropped whole because it ends like a caption.
MAX_DROPPED_LINE = 1_000


@dataclass(frozen=True)
class Rule:
    """One cleaning rule."""

    id: str
    kind: str
    why: str
    pattern: re.Pattern[str] | None = None
    replacement: str = ""
    when: dict[str, str] = field(default_factory=dict)
    examples: tuple[tuple[str, str | None], ...] = ()
    keeps: tuple[str, ...] = ()

    def applies_to(self, context: dict[str, str]) -> bool:
        """Whether the rule's ``when`` conditions hold for an article's metadata."""
        return all(context.get(key, "") == value for key, value in self.when.items())

    @property
    def drops_lines(self) -> bool:
        """Line rules drop whole lines; the others edit text inside paragraphs."""
        return self.kind in LINE_KINDS


def load_rules(path: Path | str = config.CLEANING_RULES) -> list[Rule]:
    """Read and validate a rule file; errors name the file and the rule."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InputError(path, f"cannot read rule file: {error}") from None
    entries = document.get("rules") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise InputError(path, "expected a top-level 'rules' list")
    rules = [_parse_rule(entry, path) for entry in entries]
    ids = [rule.id for rule in rules]
    duplicates = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
    if duplicates:
        raise InputError(path, f"duplicate rule id(s): {', '.join(duplicates)}")
    return rules


def _parse_rule(entry: object, path: Path) -> Rule:
    if not isinstance(entry, dict) or not entry.get("id"):
        raise InputError(path, f"every rule needs an id: {entry!r}")
    rule_id = str(entry["id"])
    kind = entry.get("kind")
    if kind not in LINE_KINDS + TEXT_KINDS:
        raise InputError(path, f"rule {rule_id}: unknown kind {kind!r}")
    if not entry.get("why"):
        raise InputError(path, f"rule {rule_id}: 'why' is required")
    pattern = None
    if kind in NEEDS_PATTERN:
        flags = re.IGNORECASE if "i" in str(entry.get("flags", "")) else 0
        try:
            pattern = re.compile(str(entry["pattern"]), flags)
        except (KeyError, re.error) as error:
            raise InputError(path, f"rule {rule_id}: bad or missing pattern ({error})") from None
    examples = tuple(
        (str(given), None if want is None else str(want))
        for given, want in entry.get("examples", [])
    )
    return Rule(
        id=rule_id,
        kind=kind,
        why=" ".join(str(entry["why"]).split()),
        pattern=pattern,
        replacement=str(entry.get("replacement", "")),
        when={str(key): str(value) for key, value in (entry.get("when") or {}).items()},
        examples=examples,
        keeps=tuple(str(line) for line in entry.get("keeps", [])),
    )
