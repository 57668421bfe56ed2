"""Social posts set into an article: found by their signature, given to their author."""

from __future__ import annotations

from bot.attribution import extract_attributions
from bot.model import Kind
from bot.social_posts import embedded_posts, post_text_span

LEDE = "The city council approved a budget on Tuesday, raising property taxes to close a gap."
POST = [
    "Sharing my letter on the budget, which cuts 300 jobs.",
    "I urge everyone to come to the hearing on Friday pic.twitter.com/Ab12Cd",
    "— Rep. Jo Roe (@JoRoe) November 19, 2019",
]


def test_a_post_is_its_paragraphs_above_the_signature_and_its_author() -> None:
    body = [LEDE, "Roe posted her letter on Wednesday.", *POST]
    [post] = embedded_posts(body)
    assert (post.paragraphs, post.signature, post.author, post.handle) == (
        (2, 3), 4, "Rep. Jo Roe", "@JoRoe")


def test_the_article_paragraph_above_a_post_is_not_part_of_it() -> None:
    # third person and quoted speech are the article's voice
    body = [LEDE, '"We will be there," the union said on Monday.', *POST]
    assert embedded_posts(body)[0].paragraphs == (2, 3)


def test_two_posts_in_a_row_are_two_posts() -> None:
    other = ["My office is open all week for questions.",
             "— Sen. Al Poe (@AlPoe) November 20, 2019"]
    posts = embedded_posts([LEDE, *POST, *other])
    assert [(p.author, p.paragraphs) for p in posts] == [
        ("Rep. Jo Roe", (1, 2)), ("Sen. Al Poe", (4,))]


def test_the_picture_link_is_not_the_posters_words() -> None:
    s, e = post_text_span(POST[1])
    assert POST[1][s:e] == "I urge everyone to come to the hearing on Friday"


def test_a_posts_words_are_attributed_to_its_author_not_to_a_pronoun() -> None:
    body = [LEDE, *POST]
    atts = [a for a in extract_attributions(body) if a.paragraph in (1, 2, 3)]
    assert [(a.speaker, a.speaker_role, a.kind, a.content) for a in atts] == [
        ("Jo Roe", "Rep.", Kind.DIRECT, POST[0]),
        ("Jo Roe", "Rep.", Kind.DIRECT, "I urge everyone to come to the hearing on Friday"),
    ]
    for a in atts:
        assert body[a.paragraph][a.span[0] : a.span[1]] == a.content


def test_without_a_signature_nothing_changes() -> None:
    body = [LEDE, "I urge everyone to come to the hearing, the mayor said on Friday."]
    assert all(a.speaker != "Jo Roe" for a in extract_attributions(body))
