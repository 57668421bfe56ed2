"""Attribution extraction: synthetic articles, plus the seed story where ../shared exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.attribution import extract_attributions, quote_spans
from bot.model import Attribution, Kind

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "data" / "seed" / "independent-2024-10-24-duma-treaty.txt"


def _by_content(atts: list[Attribution], needle: str) -> Attribution:
    hits = [a for a in atts if needle in a.content]
    assert len(hits) == 1, (needle, [a.content for a in atts])
    return hits[0]


def test_split_quote_is_one_attribution() -> None:
    body = ['“We will win,” Jane Doe said. “And we will win big.”']
    (att,) = extract_attributions(body)
    assert att.speaker == "Jane Doe"
    assert att.content == "“We will win,” “And we will win big.”"
    assert att.kind is Kind.DIRECT
    assert att.span == (0, len(body[0]))


def test_split_quote_in_one_sentence_with_straight_quotes() -> None:
    body = ['"The plan is dead," said Senator Tom Bell, "and everyone knows it."']
    (att,) = extract_attributions(body)
    assert att.speaker == "Tom Bell"
    assert att.kind is Kind.DIRECT
    assert "everyone knows it" in att.content and "plan is dead" in att.content


def test_pronoun_resolves_to_last_named_speaker() -> None:
    body = [
        "Finance minister Anna Berg said the budget would balance next year.",
        "“We have done the work,” she said.",
        "Opposition leader Carl Moss disagreed.",
        "“It is a fantasy,” he said.",
    ]
    atts = extract_attributions(body)
    berg = _by_content(atts, "done the work")
    assert berg.speaker == "Anna Berg" and berg.speaker_text == "she"
    moss = _by_content(atts, "fantasy")
    assert moss.speaker_text == "he"
    first = _by_content(atts, "budget would balance")
    assert first.speaker_role == "Finance minister" and first.kind is Kind.INDIRECT


def test_according_to_and_anonymous_sources() -> None:
    body = [
        "The factory will close in May with the loss of 300 jobs, according to the Ministry of "
        "Industry.",
        "Two officials said the decision was made in March.",
        "A person familiar with the matter said talks had collapsed.",
    ]
    atts = extract_attributions(body)
    ministry = _by_content(atts, "factory will close")
    assert ministry.cue == "according to"
    assert ministry.speaker == "the Ministry of Industry" or ministry.speaker == (
        "Ministry of Industry"
    )
    officials = _by_content(atts, "decision was made")
    assert officials.anonymous
    person = _by_content(atts, "talks had collapsed")
    assert person.anonymous and person.speaker_text.startswith("A person familiar")


def test_scare_quotes_are_not_attributions() -> None:
    body = [
        "The parliament endorsed the “comprehensive strategic partnership” treaty on Monday.",
        "The deal allows “all means” of support, and a report titled “Red Lines” followed.",
    ]
    assert extract_attributions(body) == []


def test_inversion_and_who_clause() -> None:
    body = [
        "The mine will reopen when prices recover, said Phil Grant, a union spokesman.",
        "Maria Lopez, who has run the clinic for a decade, said funding had dried up.",
    ]
    atts = extract_attributions(body)
    grant = _by_content(atts, "mine will reopen")
    assert grant.speaker == "Phil Grant" and grant.cue == "said"
    lopez = _by_content(atts, "funding had dried up")
    assert lopez.speaker == "Maria Lopez"


def test_multi_paragraph_quote_repeats_opening_mark() -> None:
    body = [
        "Mayor Ruth Kane said: “The bridge is unsafe. We are closing it today.",
        "“Repairs will take a year.”",
    ]
    assert quote_spans(body[0]) == [(22, len(body[0]))]
    atts = extract_attributions(body)
    kane = _by_content(atts, "bridge is unsafe")
    assert kane.speaker == "Ruth Kane" and kane.kind is Kind.DIRECT


def test_mixed_kind() -> None:
    body = ['The senator said the bill was "dead on arrival" in the House.']
    (att,) = extract_attributions(body)
    assert att.kind is Kind.MIXED


def test_descriptor_resolves_to_earlier_organisation() -> None:
    body = [
        "The National Weather Service told residents that the storm would strike overnight.",
        "Winds could reach 100 miles an hour, the agency said.",
    ]
    atts = extract_attributions(body, min_score=0.0)  # resolution, not the filter, is tested
    later = _by_content(atts, "Winds could reach")
    assert later.speaker == "The National Weather Service" or later.speaker == (
        "National Weather Service"
    )
    assert later.speaker_text == "the agency"


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared development data is absent")
def test_seed_story() -> None:
    blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("Russian lawmakers ratified"))
    end = next(i for i, b in enumerate(blocks) if "fair game" in b)
    atts = extract_attributions(blocks[start : end + 1])

    volodin = _by_content(atts, "important for us")
    assert volodin.speaker == "Vyacheslav Volodin"
    assert volodin.speaker_role == "State Duma speaker"
    assert volodin.kind is Kind.DIRECT and volodin.cue == "said in a statement"

    assert _by_content(atts, "about 3,000 soldiers to Russia").speaker == "Lloyd Austin"
    austin = _by_content(atts, "seeing evidence")
    assert austin.speaker == "Lloyd Austin" and austin.kind is Kind.DIRECT
    assert "left to be seen" in austin.content
    serious = _by_content(atts, "very serious issue")
    assert serious.speaker == "Lloyd Austin" and serious.speaker_text == "he"

    nis = _by_content(atts, "special forces")
    assert nis.speaker == "South Korea’s National Intelligence Service"
    assert nis.cue == "told" and nis.kind is Kind.INDIRECT
    spy = _by_content(atts, "Russian military uniforms")
    assert spy.speaker == nis.speaker and spy.speaker_text == "the spy agency"

    zelensky = _by_content(atts, "10,000 soldiers")
    assert zelensky.speaker == "Volodymyr Zelensky"
    assert zelensky.speaker_role == "Ukrainian president" and zelensky.kind is Kind.INDIRECT

    kirby = _by_content(atts, "Vladivostok")
    assert kirby.speaker == "John F Kirby"
    assert kirby.speaker_role == "White House national security spokesperson"
    added = _by_content(atts, "three training grounds")
    assert added.speaker == "John F Kirby" and added.cue == "added"
    game = _by_content(atts, "fair game")
    targets = _by_content(atts, "fair targets")
    assert game is not targets
    assert game.speaker == targets.speaker == "John F Kirby"

    contents = " ".join(a.content for a in atts)
    assert "“all means”" not in [a.content for a in atts]
    assert "comprehensive strategic partnership" not in contents


def test_reported_clause_keeps_that_and_stops_at_but() -> None:
    body = ["The minister said that the plan had failed, but nobody expected a recount."]
    atts = extract_attributions(body, min_score=0.0)
    (att,) = [a for a in atts if a.cue == "said"]
    assert att.content == "that the plan had failed"
    assert att.speaker == "The minister" or att.speaker_text == "The minister"


def test_participle_continues_the_speaker() -> None:
    body = ['“We will appeal,” Dana Reyes said, adding that the court had ignored the evidence.']
    atts = extract_attributions(body, min_score=0.0)
    added = _by_content(atts, "court had ignored")
    assert added.cue == "adding" and added.speaker == "Dana Reyes"
    assert added.content == "that the court had ignored the evidence."
    assert _by_content(atts, "We will appeal").kind is Kind.DIRECT


def test_two_speakers_in_one_sentence() -> None:
    body = ["Most voters said the economy was weak, and a third said taxes were too high."]
    atts = extract_attributions(body, min_score=0.0)
    assert _by_content(atts, "economy was weak").content == "the economy was weak"
    assert _by_content(atts, "taxes were too high").speaker_text == "a third"


def test_clauses_are_not_speakers() -> None:
    body = ["Reports that she was ill argued nothing, and the talks he had said went well."]
    atts = extract_attributions(body, min_score=0.0)
    assert all("that" not in (a.speaker_text or "").split() for a in atts)


def test_filter_threshold_only_removes_candidates() -> None:
    body = [
        "“The plan is dead,” said Senator Tom Bell.",
        "Key figures rose sharply on Tuesday in the markets of the region.",
    ]
    everything = extract_attributions(body, min_score=0.0)
    kept = extract_attributions(body)
    assert {a.content for a in kept} <= {a.content for a in everything}
    assert any("plan is dead" in a.content for a in kept)
    assert extract_attributions(body, min_score=1.01) == []


def test_filter_training_separates_a_toy_problem() -> None:
    from bot.attrib_model import FilterModel, train

    samples = [(["bias", "cue=said"], 1)] * 20 + [(["bias", "cue=held"], 0)] * 20
    model = FilterModel(train(samples, epochs=10), 0.5)
    assert model.score(["bias", "cue=said"]) > 0.9
    assert model.score(["bias", "cue=held"]) < 0.1


def test_inversion_with_lower_case_role_before_name() -> None:
    body = ['"It was a long wait," said county engineer Ann Marsh. "The bridge is safe now."']
    (att,) = extract_attributions(body, min_score=0.0)
    assert att.speaker == "Ann Marsh" and att.kind is Kind.DIRECT
    assert "bridge is safe" in att.content


def test_surname_resolves_to_full_name_after_inverted_split_quote() -> None:
    body = [
        '"The culvert failed," said county engineer Sarah Poole. "We will rebuild it by June."',
        "The council voted to fund the work on Tuesday.",
        "Repairs will cost about $2 million in total, Poole said.",
    ]
    atts = extract_attributions(body, min_score=0.0)
    first = _by_content(atts, "culvert failed")
    assert first.speaker == "Sarah Poole" and first.speaker_role == "county engineer"
    assert first.content == '"The culvert failed," "We will rebuild it by June."'
    later = _by_content(atts, "Repairs will cost")
    assert later.speaker == "Sarah Poole" and later.speaker_text == "Poole"


def test_appositive_role_and_age() -> None:
    body = [
        "Tom Reyes, the campaign's chair, said the money had been raised in a week.",
        '"It was rushed," Ann Lee, 44, a retired nurse, said.',
    ]
    atts = extract_attributions(body, min_score=0.0)
    reyes = _by_content(atts, "money had been raised")
    assert reyes.speaker == "Tom Reyes" and reyes.speaker_role == "the campaign's chair"
    lee = _by_content(atts, "It was rushed")
    assert lee.speaker == "Ann Lee" and lee.speaker_role == "a retired nurse"
    assert lee.kind is Kind.DIRECT


def test_nyt_double_apostrophe_quotes_split_around_cue() -> None:
    body = ["''We lost the vote,'' Mr. Hale said. ''But we will be back next year.''"]
    (att,) = extract_attributions(body, min_score=0.0)
    assert att.content == "''We lost the vote,'' ''But we will be back next year.''"
    assert att.kind is Kind.DIRECT and att.speaker == "Hale"


def test_question_quote_then_cue_and_colon_introduced_paragraph() -> None:
    body = [
        '"Why would we wait?" Hannity asked.',
        "The mayor wrote in a letter to residents:",
        '"The budget is broken and nobody in this building will fix it alone."',
    ]
    atts = extract_attributions(body, min_score=0.0)
    assert _by_content(atts, "Why would we wait").speaker == "Hannity"
    letter = _by_content(atts, "budget is broken")
    assert letter.paragraph == 2 and letter.speaker_text == "The mayor"
    assert letter.kind is Kind.DIRECT


def test_pronoun_left_unresolved_when_another_person_intervenes() -> None:
    body = [
        "Ann Cole said the vote was close.",
        "Mark Dunn, a local farmer, had objected to the plan for months.",
        '"It was rushed," she said.',
        'Dana Ortiz said the count was fair. "We checked it twice," she said.',
    ]
    atts = extract_attributions(body, min_score=0.0)
    rushed = _by_content(atts, "It was rushed")
    assert rushed.speaker == "she" and rushed.speaker_text == "she"
    assert _by_content(atts, "checked it twice").speaker == "Dana Ortiz"


def test_participle_hangs_from_the_clause_subject() -> None:
    body = ["Senator Jane Roe pushed back on the proposal on Thursday, saying the bill had "
            "the wrong security provisions."]
    att = _by_content(extract_attributions(body), "wrong security provisions")
    assert att.speaker == "Jane Roe"
    assert att.cue == "saying"
    assert att.content.startswith("the bill had")
    assert att.kind is Kind.INDIRECT


def test_participle_subject_comes_after_a_back_in_opener() -> None:
    body = ['Back in 2009, Senator Jane Roe praised the harbour plan, telling the Gazette: '
            '"I wish every town could build like that."']
    att = _by_content(extract_attributions(body), "every town could build")
    assert att.speaker == "Jane Roe"  # not "Back in 2009"


def test_weak_verb_candidates_keep_the_cue_particle() -> None:
    from bot.attribution import candidate_attributions

    body = ["A group of local pastors called for a boycott of the hearing.",
            "The company declined to comment."]
    got = {a.cue: a for a, _ in candidate_attributions(body)}
    assert got["called for"].content.startswith("a boycott of the hearing")
    assert got["called for"].speaker == "A group of local pastors"
    assert got["declined"].content.startswith("to comment")


def test_weak_verb_with_quoted_label_is_kept() -> None:
    body = ["Former governor Tom Bell called the plan “a reckless gamble.”"]
    att = _by_content(extract_attributions(body), "reckless gamble")
    assert att.speaker == "Tom Bell"
    assert att.cue == "called"
    assert att.kind is Kind.MIXED


def test_given_sentence_spans_change_nothing() -> None:
    """build_digest hands over the sentences it split once: the result must not move,
    including for a paragraph whose ''NYT quotes'' are analysed on a rewritten copy."""
    from bot.facts import facts_and_conflicts
    from bot.sentences import split_sentences

    body = [
        "The council voted 7-2 on Tuesday to close the harbour road, officials said.",
        "''We will not back down,'' said Mayor Ann Poole. She added that 300 people had signed.",
        "“It is a disgrace,” Tom Reed, a fisherman, said. He told reporters the vote was rushed.",
        "According to the harbour board, 1,200 boats use the road each year.",
    ]
    spans = [split_sentences(p) for p in body]
    plain = extract_attributions(body)
    shared = extract_attributions(body, sentences=spans)
    assert shared == plain and len(plain) >= 3
    assert facts_and_conflicts(body, plain, sentences=spans) == facts_and_conflicts(body, plain)


def test_speaker_span_is_not_cut_inside_a_name_or_a_later_clause() -> None:
    body = [
        '"The numbers are wrong," Mayor Ellen Dorr said, after Judge Sam Reyes said the '
        "audit was late.",
        "The Midland Center for Water Safety and Prevention said the pipes were old.",
        '"We knew," said Army Capt. Lena Oduya, who said the crews were never warned.',
        "Officials were told that the plant would close.",
        "Analysts expect that prices will rise, and wishful thinking suggests otherwise.",
        "He’s said the budget will pass before March.",
    ]
    speakers = {a.speaker for a in extract_attributions(body)}
    assert "Ellen Dorr" in speakers
    assert not any("said" in s for s in speakers)
    assert any(s.endswith("Prevention") and "Center" in s for s in speakers)
    assert any(s.endswith("Capt. Lena Oduya") for s in speakers)
    assert "Army Capt" not in speakers and "who" not in speakers
    assert "wishful" not in speakers and "Officials" not in speakers
    assert not any("’" in s for s in speakers)


def test_quote_opening_next_sentence_joins_though_a_tail_follows() -> None:
    body = ['"The key group is older voters," said Ann Poole, a party chair. '
            '"We must keep them" - which means more town halls.']
    atts = extract_attributions(body)
    att = _by_content(atts, "older voters")
    assert att.content == ('"The key group is older voters," "We must keep them"')
    assert att.kind is Kind.DIRECT


def test_abbreviation_does_not_cut_a_split_quote() -> None:
    body = ['"It was loud," said Tom Reed of Springfield, Ill. "Nobody slept at all."']
    att = _by_content(extract_attributions(body), "It was loud")
    assert att.content == '"It was loud," "Nobody slept at all."'


def test_mid_sentence_cue_reports_the_interrupted_clause() -> None:
    body = ["Bound by a long shared border, the two nations, Xi said, now have a "
            '"golden opportunity" to grow.']
    att = _by_content(extract_attributions(body), "golden opportunity")
    assert att.content.startswith("the two nations")
    assert "Bound by" not in att.content
    assert att.kind is Kind.MIXED


def test_framing_lead_before_a_mid_sentence_cue_is_not_content() -> None:
    body = ['Asked whether the rally had turned violent, Mayor Ann Poole said, '
            '"Nobody was hurt tonight."']
    att = _by_content(extract_attributions(body), "Nobody was hurt")
    assert att.content == '"Nobody was hurt tonight."'
    assert att.kind is Kind.DIRECT


def test_party_tag_full_stop_ends_no_sentence() -> None:
    body = ['"It is a big night," Sen. Ann Poole (R-Fla.) said Saturday at the debate.',
            '"We won," said Rep. Tom Bell (D-N.C.), head of the caucus. "They lost."']
    atts = extract_attributions(body)
    first = _by_content(atts, "big night")
    assert first.speaker_text == "Sen. Ann Poole (R-Fla.)"
    assert first.content == '"It is a big night,"'
    second = _by_content(atts, "We won")
    assert second.speaker_text.startswith("Rep. Tom Bell (D-N.C.)")
    assert second.content == '"We won," "They lost."'



def test_words_between_cue_and_quote_stay_in_content() -> None:
    body = ['Governor Ann Poole says she’s “excited where we stand” before the vote.']
    att = _by_content(extract_attributions(body), "excited")
    assert att.content.startswith("she’s “excited")
    assert att.kind is Kind.MIXED


def test_relative_that_is_no_complementiser() -> None:
    body = ["Senator Tom Bell says his campaign is the only one that can beat the mayor."]
    att = _by_content(extract_attributions(body), "can beat")
    assert att.content.startswith("his campaign is the only one")


def test_nyt_quote_ending_in_a_full_stop_is_its_own_sentence() -> None:
    body = ["''The name is in the culture,'' he said. ''You know what you get.'' "
            "That's why, he added, viewers see sequels."]
    atts = extract_attributions(body)
    att = _by_content(atts, "in the culture")
    assert att.content == "''The name is in the culture,'' ''You know what you get.''"
    assert all("You know" not in a.content for a in atts if a is not att)


def test_lead_before_an_inserted_cue_joins_the_content() -> None:
    body = ["The museum, Mayor Ann Poole said, would open its doors to every school in May.",
            'Still, Mayor Ann Poole said, "we are not there yet."']
    atts = extract_attributions(body, min_score=0.0)
    att = _by_content(atts, "would open")
    assert att.content == "The museum would open its doors to every school in May."
    assert att.span is not None and att.span[0] == 0
    # A quote after the cue stands alone: the lead frames it, it is no part of it.
    quoted = _by_content(atts, "not there yet")
    assert quoted.content == '"we are not there yet."'


def test_quote_with_an_unlisted_verb_after_it_is_attributed() -> None:
    from bot.attribution import candidate_attributions

    body = ["“The whole plan was a disaster from start to finish,” blared the Daily Courier."]
    (att,) = [a for a, _ in candidate_attributions(body)]
    assert att.speaker_text == "the Daily Courier"
    assert att.cue == "blared"
    assert att.kind is Kind.DIRECT


def test_quote_after_a_colon_is_its_clause_subject_s() -> None:
    from bot.attribution import candidate_attributions

    body = ["But Jane Doe quickly deflected with a joke: “It was only locker-room talk, "
            "and we all know it.”"]
    (att,) = [a for a, f in candidate_attributions(body)]
    assert att.speaker_text == "Jane Doe"
    assert att.content.startswith("“It was only")
    assert "how=bare" in candidate_attributions(body)[0][1]


def test_a_programme_title_in_quotes_is_not_the_content() -> None:
    body = ['In an interview on CBS\'s "Face the Nation," Senator Tom Bell said the new '
            'budget plan would fail in the House.']
    (att,) = extract_attributions(body)
    assert att.speaker == "Tom Bell"
    assert att.content.startswith("the new budget plan would fail")


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Congressman Tom Bell, a party loyalist, said campaign strategists plan to secure "
     "enough delegates.", "Tom Bell", "campaign strategists plan to secure"),
    ("Another delegate on the state slate, Jim Poole, said he was only leaning one way.",
     "Jim Poole", "he was only leaning"),
    ("Ann Poole, 29, of Huntsville, Ala., says her biggest concern is global warming.",
     "Ann Poole", "her biggest concern"),
    ("SELMA, Ala. — Jane Doe, during a town hall in Mobile, said the plan would fail.",
     "Jane Doe", "the plan would fail"),
    ("The Arizona Republican survived five years in prison and says such techniques are "
     "inhumane.", "Arizona Republican", "such techniques are inhumane"),
    ("A spokesman for the firm declined to comment on the report but said in a statement "
     "that the company did nothing wrong.", "A spokesman for the firm", "that the company"),
])
def test_subject_before_inserted_phrases(text: str, speaker: str, content: str) -> None:
    from bot.attribution import candidate_attributions

    (att,) = [a for a, _ in candidate_attributions([text])]
    assert att.speaker == speaker
    assert att.content.startswith(content)


def test_an_adverb_before_an_inserted_phrase_is_no_speaker() -> None:
    from bot.attribution import candidate_attributions

    body = ["Outside, about two hundred protesters, many of them students, said the "
            "rally was peaceful."]
    assert all(a.speaker_text != "Outside" for a, _ in candidate_attributions(body))


def test_continued_to_is_aspect_not_speech() -> None:
    from bot.attribution import candidate_attributions

    body = ["The fires have continued to burn across the state, officials said."]
    (att,) = [a for a, _ in candidate_attributions(body)]
    assert att.speaker_text == "officials" and att.cue == "said"
    assert att.content.startswith("The fires have continued")


def test_a_second_cue_of_the_same_speaker_starts_its_own_report() -> None:
    from bot.attribution import candidate_attributions

    body = ["Jane Doe confirmed she had been there and said, “We have a very severe "
            "problem that we try to overlook.”"]
    got = [(a.speaker, a.cue, a.content) for a, _ in candidate_attributions(body)]
    assert got[0] == ("Jane Doe", "confirmed", "she had been there")
    assert got[1][:2] == ("Jane Doe", "said") and got[1][2].startswith("“We have")


def test_a_sentence_that_is_only_a_quote_continues_the_last_speaker() -> None:
    from bot.attribution import candidate_attributions

    body = ["Jane Doe, the mayor, said the plan would fail.",
            "She was blunt. “We cannot afford it. Nobody in this city can afford it.”",
            "The council met on Monday and again on Friday.",
            "The vote was close.",
            "“This will be a long and difficult fight for all of us.”"]
    got = [(a.speaker, a.paragraph) for a, f in candidate_attributions(body)
           if "how=bare_run" in f]
    # Two paragraphs on, the speaker would be a guess: no candidate.
    assert got == [("Jane Doe", 1)]


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("“Officials now expect to complete their work in the next few weeks,” according to "
     "CNN.", "CNN", "“Officials now expect"),
    ("In 2010 she said of the plan: “Nobody is stopping them from trying it again.”",
     "she", "“Nobody is stopping"),
    ("On Tuesday Jane Doe said the plan was dead.", "Jane Doe", "the plan was dead"),
    ("It added, “We want no part in the listing on our web site.”", "It", "“We want no part"),
    ("The justice -- who has been in a scuffle with the nominee -- said she regretted her "
     "remarks.", "The justice", "she regretted"),
    ("One delegate, Kelly Poole, told POLITICO she was leaning toward the senator.",
     "Kelly Poole", "she was leaning"),
    ("He told reporters the plan was dead.", "He", "the plan was dead"),
])
def test_more_subject_and_content_shapes(text: str, speaker: str, content: str) -> None:
    from bot.attribution import candidate_attributions

    (att,) = [a for a, _ in candidate_attributions([text])]
    assert att.speaker == speaker
    assert att.content.startswith(content)


def test_it_with_a_non_speech_verb_is_no_speaker() -> None:
    from bot.attribution import candidate_attributions

    assert candidate_attributions(["It shows that the plan was dead."]) == []


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # Inversion with a relative clause that ends on a determiner-like word ("her").
    ('"The numbers do not add up," said Tom Bell, who supports her.', "Tom Bell",
     '"The numbers do not add up,"'),
    # A second, coordinated verb introduces the quote.
    ('Mrs. Doe shook her head and said, "No."', "Mrs. Doe", '"No."'),
    ('Asked on Monday whether he would run, Mr. Bell shook his head and said, "Never."',
     "Mr. Bell", '"Never."'),
    # After a quote and its cue, a clause that carries the report on joins it.
    ('"It is our bad luck," he said, that both men had ties to the mosque.', "he",
     '"It is our bad luck," that both men had ties to the mosque.'),
])
def test_quote_cue_shapes(text: str, speaker: str, content: str) -> None:
    from bot.attribution import candidate_attributions

    (att,) = [a for a, _ in candidate_attributions([text])]
    assert att.speaker_text.startswith(speaker)
    assert att.content == content


def test_a_participle_after_quote_and_cue_stays_out() -> None:
    from bot.attribution import candidate_attributions

    got = [a.content for a, _ in candidate_attributions(
        ['"It is fine," he said, adding that he would go.'])]
    assert '"It is fine,"' in got
    assert all("adding" not in c for c in got)


def test_a_quote_right_after_the_cue_joins_without_punctuation() -> None:
    from bot.attribution import candidate_attributions

    (att,) = [a for a, _ in candidate_attributions(
        ["“We will build a wall,” Jane Doe said “Others sent people back.”"])]
    assert att.content == "“We will build a wall,” “Others sent people back.”"


def test_a_quote_goes_on_with_a_participles_report() -> None:
    from bot.attribution import candidate_attributions

    # The quote after '"A," X said, noting that C.' elaborates C: one report, C then B (as
    # PolNeAR marks it in 4 of its 6 dev cases); "A" stands alone. The speaker is the same.
    got = [(a.cue, a.content, a.speaker_text) for a, _ in candidate_attributions(
        ['"We are down to the last few votes," Tom Bell said, noting that nobody had left. '
         '"If you are not tough, you will lose."'])]
    assert got[0] == ("said", '"We are down to the last few votes,"', "Tom Bell")
    assert ("noting", 'that nobody had left. "If you are not tough, you will lose."',
            "Tom Bell") in got


def test_a_quote_inside_the_speakers_relative_clause_is_not_speech() -> None:
    from bot.attribution import candidate_attributions

    got = [a.content for a, _ in candidate_attributions(
        ['"It was truly shameful," said Ann Poole, a plaintiff who waited in an "extremely '
         'long line" for hours.'])]
    assert got[0] == '"It was truly shameful,"'


def test_a_newsroom_label_before_a_colon_is_no_speaker() -> None:
    from bot.attribution import candidate_attributions

    got = [(a.speaker_text, a.cue) for a, _ in candidate_attributions(
        ["The Latest: Jane Doe said the count would go on all night."])]
    assert ("The Latest", ":") not in got
    assert ("Jane Doe", "said") in got
    assert [a.speaker_text for a, _ in candidate_attributions(
        ["Pence: Flowers will not be at the debate."])] == ["Pence"]


def test_a_dash_aside_with_its_own_object_is_no_cue_set_in_the_sentence() -> None:
    body = ["Odd as that might sound — the late harbourmaster wrote about similar, rarely "
            "seen tides in his memoir “Slack Water” — Ann Lee was not worried by the change."]
    att = _by_content(extract_attributions(body, min_score=0.0), "similar, rarely seen tides")
    assert att.speaker == "the late harbourmaster"
    assert "Odd as that" not in att.content and "Ann Lee" not in att.content


def test_a_cue_without_words_is_no_crash() -> None:
    # A bare quote's run carries an empty cue; the held-quote check read its first word.
    body = ['"To thing," of Harbourton . Memorial Quay Baptist Church. that "What out of this."']
    assert all(a.content for a in extract_attributions(body))


def test_where_and_when_it_was_said_run_to_the_end_after_the_report() -> None:
    body = ['The quay will reopen in May, Ann Lee explained on an episode of her podcast '
            '"Quay Talk."']
    att = _by_content(extract_attributions(body, min_score=0.0), "reopen in May")
    assert (att.speaker, att.content) == ("Ann Lee", "The quay will reopen in May")


def test_a_tail_with_a_verb_or_a_particle_is_the_report() -> None:
    atts = extract_attributions([
        "On Friday, as the parade rolled through the port, the Gazette reported at least six "
        "planes filled the skies with banners.",
        "A week after the storm, a Harbourton newspaper called on the mayor to act."],
        min_score=0.0)
    assert _by_content(atts, "six planes filled").content.startswith("at least six planes")
    assert not any("A week after" in a.content for a in atts)


def test_he_and_his_wife_speak_together() -> None:
    body = ["The plan will work, he and his wife Kali explained on their podcast."]
    att = _by_content(extract_attributions(body, min_score=0.0), "plan will work")
    assert att.speaker == "he and his wife Kali" and att.content == "The plan will work"


def test_that_before_a_time_word_is_no_complementiser() -> None:
    atts = extract_attributions([
        "She wrote hundreds of songs that summer and sent twelve of them to a lawyer.",
        "He told reporters that day that the harbour plan had failed."], min_score=0.0)
    assert _by_content(atts, "songs").content.startswith("hundreds of songs that summer")
    assert _by_content(atts, "plan had failed").content == "that the harbour plan had failed."


def test_a_relative_clause_after_the_cue_is_the_writers() -> None:
    body = ["Such tides would occur fairly often, Lee and her team wrote in the new paper, which "
            "was published online today in the Harbour Journal."]
    att = _by_content(extract_attributions(body, min_score=0.0), "tides would occur")
    assert att.content == "Such tides would occur fairly often"


def test_a_list_of_sources_is_named_as_a_list() -> None:
    # The outlets behind the reports, both of them: not "Harbour FM" with the rest as a role.
    body = ["The quay will reopen in May, according to reports from the Gazette and Harbour FM."]
    att = _by_content(extract_attributions(body, min_score=0.0), "quay will reopen")
    assert (att.speaker, att.speaker_role) == ("Gazette and Harbour FM", None)
    assert att.speaker_text == "reports from the Gazette and Harbour FM"
