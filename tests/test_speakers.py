"""Tests for analysis.measures.speakers: person mentions, canonical names, descriptions, pronouns, subjects."""

from __future__ import annotations

import pytest

from analysis.measures.speakers import (
    Mention,
    Mentions,
    normalise_place,
    role_key,
    roles_compatible,
)
from analysis.text.segment import split_sentences


def mentions_of(text: str, quoted: list[tuple[int, int]] | None = None) -> Mentions:
    """Mentions of a text whose paragraphs are separated by a blank line."""
    sentences = []
    offset = 0
    for paragraph in text.split("\n\n"):
        sentences += [(s.start, s.end) for s in split_sentences(paragraph, offset=offset)]
        offset += len(paragraph) + 2
    return Mentions(text, sentences, quoted or [])


def find(mentions: Mentions, surface: str, nth: int = 0) -> Mention:
    found = [m for m in mentions.items if m.text == surface]
    assert len(found) > nth, f"{surface!r} not among {[m.text for m in mentions.items]}"
    return found[nth]


# --- names, titles and organisations ---------------------------------------------------------------


def test_title_and_nationality_are_split_from_the_name() -> None:
    mentions = mentions_of("Iranian President Hassan Rohani met reporters.")
    rohani = find(mentions, "Iranian President Hassan Rohani")
    assert rohani.person and rohani.canonical == "Hassan Rohani"
    assert rohani.roles == {"president"} and rohani.places == {"iran"}


def test_sentence_initial_title_is_kept() -> None:
    mentions = mentions_of("Imran Khan arrived.\n\nPrime Minister Khan also spoke.")
    assert find(mentions, "Prime Minister Khan").canonical == "Imran Khan"


def test_surname_resolves_to_the_fullest_form_even_before_it() -> None:
    mentions = mentions_of("Khan spoke first. Later Pakistani Prime Minister Imran Khan left.")
    assert find(mentions, "Khan").canonical == "Imran Khan"


def test_shared_surname_keeps_the_short_form() -> None:
    mentions = mentions_of("Sasha Obama and Malia Obama waved. President Obama spoke.")
    assert find(mentions, "President Obama").canonical == "Obama"
    assert find(mentions, "Sasha Obama").canonical == "Sasha Obama"


def test_of_splits_a_name_from_its_place_but_not_a_title() -> None:
    mentions = mentions_of("Gov. Rick Perry of Texas met Secretary of State Hillary Clinton.")
    assert find(mentions, "Gov. Rick Perry").canonical == "Rick Perry"
    assert find(mentions, "Texas").kind == "organisation"
    assert find(mentions, "Secretary of State Hillary Clinton").canonical == "Hillary Clinton"


def test_places_and_organisations_are_not_persons() -> None:
    mentions = mentions_of(
        "Tehran and Islamabad agreed. The United States objected. Iran's foreign ministry said so."
    )
    for surface in ("Tehran", "Islamabad", "United States", "Iran's foreign ministry"):
        mention = find(mentions, surface)
        assert not mention.person and mention.kind == "organisation", surface
    assert find(mentions, "Iran's foreign ministry").canonical == "Iran's foreign ministry"


def test_sentence_openers_and_labels_are_not_names() -> None:
    mentions = mentions_of("Regularly, the group attacks. Updated: Rick Santorum spoke.")
    assert [m.text for m in mentions.items if m.kind == "name"] == ["Rick Santorum"]


@pytest.mark.parametrize("word", ["Hostility", "Polarization", "Radicalisation"])
def test_a_rare_abstract_noun_opening_a_sentence_is_no_name(word: str) -> None:
    """Too rare for the frequency test, but its suffix makes it a common noun (Quirk et al. 1985,
    Appendix I); a surname with a suffix that also ends names stays a name."""
    mentions = mentions_of(f"The port reopened. {word} grew, Clement said.")
    assert [m.text for m in mentions.items if m.canonical] == ["Clement"]


def test_calendar_words_continue_but_never_start_a_name() -> None:
    mentions = mentions_of("On Monday Theresa May spoke. Arizona Gov. Jan Brewer vetoed it.")
    assert find(mentions, "Theresa May").person
    assert find(mentions, "Arizona Gov. Jan Brewer").canonical == "Jan Brewer"
    assert not [m for m in mentions.items if m.text.startswith("Monday")]


def test_quoted_text_holds_no_mentions() -> None:
    text = '"Hassan Rohani is wrong," said Imran Khan.'
    mentions = mentions_of(text, quoted=[(0, 26)])
    assert [m.text for m in mentions.items] == ["Imran Khan"]


def test_appositive_registers_role_and_place() -> None:
    mentions = mentions_of("Imran Khan, the Pakistani Prime Minister, said it.")
    assert find(mentions, "Imran Khan").roles == {"prime minister"}
    assert find(mentions, "Imran Khan").places == {"pakistan"}
    assert find(mentions, "the Pakistani Prime Minister").canonical == "Imran Khan"


# --- descriptions ------------------------------------------------------------------------------------


SEED_LIKE = (
    "Iranian President Hassan Rohani met Pakistani Prime Minister Imran Khan.\n\n"
    "The Iranian leader said the talks went well. The Pakistani diplomat agreed. "
    "Later the Pakistani prime minister left."
)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("The Iranian leader", "Hassan Rohani"),
        ("the Pakistani prime minister", "Imran Khan"),
    ],
)
def test_descriptions_resolve_by_role_and_nationality(surface: str, expected: str) -> None:
    mention = find(mentions_of(SEED_LIKE), surface)
    assert mention.kind == "description"
    assert mention.canonical == expected


def test_generic_role_is_not_the_named_office_holder() -> None:
    """The diplomat is not the prime minister (Hobbs: "He" then names the unnamed diplomat)."""
    text = (
        "Pakistani Prime Minister Imran Khan arrived. The Pakistani diplomat said the border was "
        "calm. He added that trade would grow."
    )
    mentions = mentions_of(text)
    assert find(mentions, "The Pakistani diplomat").canonical == ""
    assert find(mentions, "He").canonical == ""


def test_generic_role_names_a_person_registered_with_that_role() -> None:
    text = "Ali Raza, the Pakistani diplomat, arrived. Imran Khan spoke. The Pakistani diplomat agreed."
    assert find(mentions_of(text), "The Pakistani diplomat").canonical == "Ali Raza"


def test_description_without_compatible_person_stays_unresolved() -> None:
    text = "Pakistani Prime Minister Imran Khan arrived. Much later, the French president spoke."
    mentions = mentions_of(text)
    assert find(mentions, "the French president").canonical == ""


def test_description_prefers_the_most_recent_compatible_person() -> None:
    text = "President Joe Biden spoke. Then President Emmanuel Macron spoke. The president smiled."
    assert find(mentions_of(text), "The president").canonical == "Emmanuel Macron"


def test_description_falls_back_to_the_last_named_person() -> None:
    text = "Rick Perry launched an ad.\n\nIn it, the Texas governor repeats his claim."
    assert find(mentions_of(text), "the Texas governor").canonical == "Rick Perry"


# --- pronouns (Hobbs-style recency) -----------------------------------------------------------------


def test_pronoun_takes_the_subject_of_the_previous_sentence() -> None:
    text = "Prime Minister Imran Khan met Hassan Rohani. He said the talks went well."
    assert find(mentions_of(text), "He").canonical == "Imran Khan"


def test_pronoun_inside_its_sentence_takes_the_earlier_subject() -> None:
    text = (
        "Iranian President Hassan Rohani met Imran Khan. The Iranian leader said he was confident."
    )
    assert find(mentions_of(text), "he").canonical == "Hassan Rohani"


def test_pronoun_skips_people_of_the_other_gender() -> None:
    text = "Mary Smith spoke first. John Brown followed her. She said it was over."
    assert find(mentions_of(text), "She").canonical == "Mary Smith"


def test_pronoun_skips_objects_of_prepositions_in_its_sentence() -> None:
    text = "Donald Trump was interviewed. Of Barack Obama, he said little."
    assert find(mentions_of(text), "he").canonical == "Donald Trump"


def test_it_resolves_to_an_organisation() -> None:
    text = "The ministry of Iran spoke. Tehran said it would act."
    assert find(mentions_of(text), "it").canonical == "Tehran"


def test_plural_pronoun_is_left_unresolved() -> None:
    assert find(mentions_of("Imran Khan arrived. They said so."), "They").canonical == ""


# --- subjects of reporting verbs --------------------------------------------------------------------


def subject(text: str, verb: str, participle: bool = False) -> str:
    mentions = mentions_of(text)
    start = text.index(verb)
    return mentions.name_of(mentions.subject_before(start, 0, participle))[0]


def test_subject_is_the_nearest_mention() -> None:
    assert subject("Tehran has repeatedly alleged that it was so.", "alleged") == "Tehran"


def test_subject_skips_an_appositive() -> None:
    text = "For his part, Imran Khan, the Pakistani Prime Minister, said it."
    assert subject(text, "said") == "Imran Khan"
    text = (
        "Rep. Jerrold Nadler, D-N.Y., the former chairman of the subcommittee on the "
        "Constitution, Civil Rights and Civil Liberties, told the paper."
    )
    assert subject(text, "told") == "Jerrold Nadler"


def test_subject_skips_a_parenthesis() -> None:
    assert subject("Hassan Rohani, while speaking Monday, again denounced it.", "denounced") == (
        "Hassan Rohani"
    )


def test_subject_is_not_an_object_of_a_preposition() -> None:
    text = "A spokeswoman for Senator Mitch McConnell said no."
    assert subject(text, "said") == ""


def test_participle_takes_the_main_clause_subject() -> None:
    text = "It came after John Boehner chided Barack Obama on Friday, accusing him of delay."
    assert subject(text, "accusing", participle=True) == "John Boehner"


def test_coordinated_subjects_are_both_speakers() -> None:
    text = "Imran Khan arrived. Both Khan and President Hassan Rohani said they agreed."
    assert subject(text, "said") == "Imran Khan; Hassan Rohani"


def test_inverted_subject_after_the_verb() -> None:
    text = (
        "Pakistani Prime Minister Imran Khan came. It is over, said the Pakistani prime minister."
    )
    mentions = mentions_of(text)
    verb_end = text.index("said") + len("said")
    found = mentions.subject_after(verb_end, len(text))
    assert mentions.name_of(found) == ("Imran Khan", "the Pakistani prime minister")


# --- helpers -----------------------------------------------------------------------------------------


def test_place_and_role_normalisation() -> None:
    assert normalise_place("Iranian") == "iran"
    assert normalise_place("Iran's") == "iran"
    assert normalise_place("U.S.") == "united states"
    assert role_key("Premier") == "prime minister"
    assert roles_compatible("leader", {"president"})
    assert roles_compatible("diplomat", {"prime minister"})
    assert roles_compatible("lawmaker", {"senator"})
    assert not roles_compatible("governor", {"president"})
    assert not roles_compatible("leader", set())


def test_speaker_names_come_from_the_one_finder() -> None:
    """Runs are the name finder's (text.names): a weekday ends a name, a party designation is none,
    an abbreviated month without its period is a first name; the title still gives the role."""
    found = mentions_of("Chairman Michael Steele Sunday said that Gov. Jan Brewer, R-Ariz., left.")
    names = [m for m in found.items if m.kind == "name"]
    assert [m.canonical for m in names] == ["Michael Steele", "Jan Brewer"]
    assert names[0].roles == {"chairman"} and names[1].roles == {"governor"}


def test_group_noun_opening_a_sentence_is_a_group() -> None:
    found = mentions_of("It was late. Officials said the talks would resume.")
    assert [(m.text, m.kind) for m in found.items if m.text == "Officials"] == [
        ("Officials", "group")
    ]


def test_reps_is_a_title() -> None:
    found = mentions_of("Reps. Peter DeFazio of Oregon and Jim Cooper voted no.")
    name = next(m for m in found.items if m.kind == "name")
    assert (name.canonical, name.roles) == ("Peter DeFazio", {"representative"})


# --- plural pronouns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (
            "Ola Dahl and President Anna Berg met on Monday. They said the talks went well.",
            "Ola Dahl; Anna Berg",
        ),
        (
            "Ola Dahl, Anna Berg and Lars Moe met. Later they said the talks went well.",
            "Ola Dahl; Anna Berg; Lars Moe",
        ),
        ("Ola Dahl met officials on Monday. They said the talks went well.", ""),  # the group
        ("Ola Dahl met Anna Berg on Monday. They said the talks went well.", ""),  # no coordination
        ("Talks between Ola Dahl and Anna Berg ended. They said the talks went well.", ""),
    ],
)
def test_they_stands_for_coordinated_names_only(text: str, canonical: str) -> None:
    mentions = mentions_of(text)
    assert find(mentions, "They" if "They" in text else "they").canonical == canonical


@pytest.mark.parametrize(
    ("text", "surface", "canonical"),
    [
        ("On Monday, U.S. officials said the talks were over.", "U.S. officials", "United States"),
        ("On Monday, Pakistani diplomats said so.", "Pakistani diplomats", "Pakistan"),
        ("Later a senior Iranian official said so.", "Iranian official", "Iran"),
        ("Later two United States officials said so.", "United States officials", "United States"),
        ("On Monday, Pakistani voters said so.", "voters", ""),  # voters do not speak for a state
    ],
)
def test_representatives_of_a_country_speak_for_it(text: str, surface: str, canonical: str) -> None:
    assert find(mentions_of(text), surface).canonical == canonical
