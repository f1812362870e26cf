"""Every cleaning rule is tested through the engine by its own examples and keeps, and bad rule
files are rejected with an error that names the file."""

from __future__ import annotations

import re
from pathlib import Path

import hypothesis
import pytest
from hypothesis import settings
from hypothesis import strategies as st

from analysis import config
from analysis.errors import InputError
from analysis.text.cleaning import clean_text
from analysis.text.cleaning_rules import LINE_KINDS, Rule, load_rules

RULES = load_rules()


def _params(kind: str, rules: list[Rule]) -> list:
    params = []
    for rule in rules:
        params.append(pytest.param(rule, id=rule.id))
    return params


def _joined(text: str) -> str:
    """What the engine makes of a block of lines when no rule touches it: stripped lines joined."""
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


def test_rule_file_loads_the_documented_rules() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for expected in (
        "furniture_navigation",
        "furniture_share_bar",
        "photo_caption_credit",
        "repeated_line",
        "curly_double_quotes",
        "quote_spacing",
    ):
        assert expected in ids
    assert all(rule.why.strip() for rule in RULES)


@pytest.mark.parametrize("rule", _params("has_example", RULES))
def test_rule_has_an_example(rule: Rule) -> None:
    assert len(rule.examples) >= 1, f"rule {rule.id} has no example"


@pytest.mark.parametrize("rule", _params("example", RULES))
def test_rule_examples_through_the_engine(rule: Rule) -> None:
    context = dict(rule.when)
    assert rule.applies_to(context)
    for given, want in rule.examples:
        tracked, blocks, changes = clean_text(given, [rule], context)
        if want is None:
            assert tracked.text == "", f"{rule.id}: {given!r} should be dropped"
            assert blocks == ()
        else:
            assert tracked.text == want, f"{rule.id}: {given!r}"
        logged = [change for change in changes if change.rule == rule.id]
        assert logged, f"{rule.id}: the change to {given!r} is not logged"
        expected_action = "dropped" if rule.kind in LINE_KINDS else "changed"
        assert {change.action for change in logged} == {expected_action}
        assert all(change.why == rule.why for change in logged)


@pytest.mark.parametrize("rule", _params("keep", [rule for rule in RULES if rule.keeps]))
def test_rule_keeps_are_left_alone(rule: Rule) -> None:
    context = dict(rule.when)
    for kept in rule.keeps:
        tracked, _, changes = clean_text(kept, [rule], context)
        assert tracked.text == _joined(kept), f"{rule.id} changed the keep {kept!r}"
        assert not [change for change in changes if change.rule == rule.id]


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULES if r.when])
@pytest.mark.parametrize("context", [{}, {"original_language": "en", "language": "en"}])
def test_when_rule_does_not_fire_outside_its_context(rule: Rule, context: dict[str, str]) -> None:
    assert not rule.applies_to(context)
    for given, _ in rule.examples:
        tracked, _, changes = clean_text(given, [rule], context)
        assert tracked.text == _joined(given)
        assert changes == ()


def test_french_markers_fire_only_on_french_originals() -> None:
    rules = [rule for rule in RULES if rule.id == "french_left_right_markers"]
    assert len(rules) == 1
    text = "Hassan Rohani (G) hosted Imran Khan (D) in Tehran"
    assert clean_text(text, rules, {"original_language": "en"})[0].text == text
    tracked, _, changes = clean_text(text, rules, {"original_language": "fr"})
    assert tracked.text == "Hassan Rohani (left) hosted Imran Khan (right) in Tehran"
    assert [(change.rule, change.count) for change in changes] == [("french_left_right_markers", 1)]


# --- bad rule files ---------------------------------------------------------------------------

GOOD_RULE = """\
  - id: ok
    kind: replace
    why: a reason
    pattern: 'a'
    replacement: 'b'
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "my_rules.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        pytest.param(
            "rules:\n  - id: r1\n    kind: explode\n    why: w\n",
            "rule r1: unknown kind 'explode'",
            id="unknown-kind",
        ),
        pytest.param(
            "rules:\n  - id: r2\n    kind: drop_line\n    pattern: 'x'\n",
            "rule r2: 'why' is required",
            id="missing-why",
        ),
        pytest.param(
            "rules:\n  - id: r3\n    kind: replace\n    why: w\n    pattern: '(unclosed'\n",
            "rule r3: bad or missing pattern",
            id="bad-regex",
        ),
        pytest.param(
            "rules:\n  - id: r4\n    kind: drop_line\n    why: w\n",
            "rule r4: bad or missing pattern",
            id="missing-pattern",
        ),
        pytest.param(
            "rules:\n" + GOOD_RULE + GOOD_RULE, "duplicate rule id(s): ok", id="duplicate-id"
        ),
        pytest.param(
            "rules:\n  - kind: replace\n    why: w\n", "every rule needs an id", id="no-id"
        ),
        pytest.param("rules: []\n", "expected a top-level 'rules' list", id="empty-list"),
        pytest.param("- just a list\n", "expected a top-level 'rules' list", id="no-rules-key"),
        pytest.param("rules: [unclosed\n", "cannot read rule file", id="bad-yaml"),
    ],
)
def test_bad_rule_file_raises_input_error_naming_the_file(
    tmp_path: Path, body: str, problem: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(InputError) as caught:
        load_rules(path)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert problem in caught.value.problem


def test_missing_rule_file_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    with pytest.raises(InputError, match="cannot read rule file") as caught:
        load_rules(path)
    assert caught.value.path == str(path)


def test_valid_temp_rule_file_loads(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "rules:\n" + GOOD_RULE + "    flags: i\n    when: {original_language: fr}\n"
        "    examples:\n      - ['A cat', 'b cbt']\n      - ['gone', null]\n",
    )
    (rule,) = load_rules(path)
    assert rule.id == "ok"
    assert rule.pattern is not None and rule.pattern.flags & 2  # re.IGNORECASE
    assert rule.when == {"original_language": "fr"}
    assert rule.examples == (("A cat", "b cbt"), ("gone", None))
    assert clean_text("A cat", [rule], {"original_language": "fr"})[0].text == "b cbt"


def test_default_rule_path_is_the_codebook() -> None:
    assert config.CLEANING_RULES.name == "cleaning_rules.yaml"
    assert [rule.id for rule in load_rules(config.CLEANING_RULES)] == [rule.id for rule in RULES]


# --- patterns written for speed match what their plain forms match ----------------------------------

#: The plain form of each pattern the rule file writes differently for speed (its own comment says how).
PLAIN_FORMS = {
    "doubled_single_quotes": r"(?<!['`])(?:''|``)(?!['`])",
    "space_before_punctuation": r" +(?!\.\.)([.,;:!?)\]])",
    "repeated_spaces": r" {2,}",
}
PHOTO_LOOKAHEAD = r"(?=[(\svhaepi])"
CAPTION_PIECES = (
    "Leaders meet", "(", ")", " ", "  ", ".", ". ", "/", " / ", ":", "via", "VIA", "handout",
    "Handout", "AP", "ap", "AFP", "EPA", "Reuters", "REUTERS", "Associated Press", "Getty Images",
    "getty image", "photo", "Photo", "PHOTOS", "image", "Picture", "credit", "courtesy", "file",
    "x", "e", "tehran", "\t",
)  # fmt: skip
QUOTE_PIECES = ("'", "''", "`", "``", " ", "  ", ".", "..", ",", "?", ")", "]", "a", "Ab", '"')


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


def _rule(rule_id: str) -> Rule:
    return next(rule for rule in RULES if rule.id == rule_id)


@settings(derandomize=True, max_examples=600, deadline=None)
@hypothesis.given(st.lists(st.sampled_from(CAPTION_PIECES), max_size=10).map("".join))
def test_photo_credit_lookahead_changes_no_match_generated(line: str) -> None:
    rule = _rule("photo_caption_credit")
    plain = re.compile(rule.pattern.pattern.removeprefix(PHOTO_LOOKAHEAD), rule.pattern.flags)
    found, want = rule.pattern.search(line), plain.search(line)
    assert (found and found.span()) == (want and want.span())


def test_photo_credit_examples_and_keeps_match_as_the_plain_pattern() -> None:
    rule = _rule("photo_caption_credit")
    assert rule.pattern.pattern.startswith(
        PHOTO_LOOKAHEAD
    )  # else the tests above compare it to itself
    plain = re.compile(rule.pattern.pattern.removeprefix(PHOTO_LOOKAHEAD), rule.pattern.flags)
    lines = [text for text, _ in rule.examples] + list(rule.keeps)
    assert [bool(rule.pattern.search(line)) for line in lines] == [
        bool(plain.search(line)) for line in lines
    ]


@settings(derandomize=True, max_examples=600, deadline=None)
@hypothesis.given(
    st.sampled_from(sorted(PLAIN_FORMS)),
    st.lists(st.sampled_from(QUOTE_PIECES), max_size=12).map("".join),
)
def test_fast_patterns_match_as_their_plain_forms_generated(rule_id: str, text: str) -> None:
    rule = _rule(rule_id)
    plain = re.compile(PLAIN_FORMS[rule_id], rule.pattern.flags)
    assert _spans(rule.pattern, text) == _spans(plain, text)
