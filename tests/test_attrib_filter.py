"""Filter features beyond the cue and the edges: the cue's stem, the unquoted content's first
word, and the paragraph's size and closing stop."""

from __future__ import annotations

from bot.attrib_model import CandidateView, FilterModel, _stem, features, train
from bot.speakers import parse_speaker


def _view(para: str, content: str, *, cue: str = "said", speaker: str = "He",
          kind: str = "indirect") -> CandidateView:
    s = para.index(content)
    return CandidateView(
        how="pre", cue=cue, speaker_text=speaker, phrase=parse_speaker(speaker), resolved=None,
        content=content, kind=kind, paragraph=0, n_paragraphs=1, para_text=para,
        span=(s, s + len(content)), n_in_paragraph=1,
    )


def test_forms_of_one_cue_share_a_stem() -> None:
    assert {_stem(w) for w in ("praised", "praising", "praises", "praise")} == {"prais"}
    assert _stem("planned") == _stem("planning") == _stem("plans") == "plan"
    assert _stem("said") == _stem("says") == _stem("saying") == "say"
    assert _stem("told") == "tell" and _stem("shown") == "show"
    # an irregular form and its base verb share one stem, from the rules' own table
    assert _stem("wrote") == _stem("write") == _stem("writes")
    assert _stem("spoke") == _stem("speak") and _stem("sought") == _stem("seek")
    praised = features(_view("She praised the plan warmly.", "the plan warmly.",
                             cue="praised", speaker="She"))
    praising = features(_view("She was praising the plan warmly.", "the plan warmly.",
                              cue="praising", speaker="She"))
    assert "cue_stem=prais" in praised and "cue_stem=prais" in praising


def test_a_weight_learnt_on_one_form_scores_another() -> None:
    # Trained on "praised" only: "praising" (never seen) still gets the stem's weight.
    good = features(_view("He praised the plan, aides said.", "the plan",
                          cue="praised"))
    other = features(_view("He said the plan would pass.", "the plan would pass."))
    model = FilterModel(train([(good, 0), (other, 1)] * 20), 0.5)
    unseen = features(_view("He was praising the plan, aides said.", "the plan",
                            cue="praising"))
    assert "cue=praising" not in model.weights
    assert model.weights["cue_stem=prais"] < 0
    assert model.score(unseen) < 0.5


def test_unquoted_content_names_its_first_word() -> None:
    para = "Mannix reported daily to the studio's overseer in New York."
    daily = features(_view(para, "daily to the studio's overseer in New York.",
                           cue="reported", speaker="Mannix"))
    assert "first_lw=daily" in daily
    that = features(_view("He said that taxes would rise.", "that taxes would rise."))
    assert "first_lw=that" in that
    capital = features(_view("He said Taxes rise.", "Taxes rise."))
    assert "first_lw=CAP" in capital
    quoted = features(_view('He said "taxes will rise."', '"taxes will rise."', kind="direct"))
    assert not any(x.startswith("first_lw=") for x in quoted)


def test_headline_paragraphs_are_short_and_unstopped() -> None:
    head = features(_view("9 Offensive Things Donald Trump Has Said About Latinos",
                          "About Latinos", speaker="Offensive Things Donald Trump"))
    assert {"para_len=<=15", "para_end=False"} <= set(head)
    body = features(_view("The senator said on Tuesday that the vote would be held next "
                          "week, after the recess, and that she expected it to pass.",
                          "that the vote would be held next week", speaker="The senator"))
    assert {"para_len=<=30", "para_end=True"} <= set(body)
    quoted_end = features(_view('He said, "We will win."', '"We will win."', kind="direct"))
    assert "para_end=True" in quoted_end
