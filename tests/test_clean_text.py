"""The pasted-text cleaner on synthetic page copies (tests/fixtures/pasted) and the seed story."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.clean_text import article_from_clean_text, clean_pasted_text, word_units
from bot.clean_vocab import fold, is_boiler_text
from bot.textmeta import (
    credit_outlet,
    find_outlet,
    outlet_from_url,
    parse_byline,
    parse_credit,
    parse_date,
    yearless_stamp,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pasted"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "data" / "seed" / "independent-2024-10-24-duma-treaty.txt"

PAGES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _load(name: str) -> tuple[str, dict]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return text, expected


@pytest.mark.parametrize("name", PAGES)
def test_fixture_body_is_exactly_the_article(name: str) -> None:
    text, expected = _load(name)
    article = clean_pasted_text(text)
    assert list(article.body) == expected["body"]


@pytest.mark.parametrize("name", PAGES)
def test_fixture_metadata(name: str) -> None:
    text, expected = _load(name)
    meta = clean_pasted_text(text).meta
    for key in ("title", "standfirst", "published", "outlet"):
        if key in expected:
            assert getattr(meta, key) == expected[key], key
    if "byline" in expected:
        assert list(meta.byline) == expected["byline"]


@pytest.mark.parametrize("name", PAGES)
def test_every_line_is_kept_or_reported_removed_in_order(name: str) -> None:
    text, _ = _load(name)
    article = clean_pasted_text(text)
    # Runs of spaces inside a line are collapsed; nothing else about a line changes.
    lines = [re.sub(r"[ \u00a0]+", " ", ln).strip() for ln in text.splitlines() if ln.strip()]
    body, removed = list(article.body), list(article.removed)
    # Interleaving body and removed in page order must give back every line.
    merged, b, r = [], 0, 0
    for line in lines:
        if b < len(body) and body[b] == line:
            merged.append(line)
            b += 1
        elif r < len(removed) and removed[r] == line:
            merged.append(line)
            r += 1
    assert merged == lines
    assert (b, r) == (len(body), len(removed))


def test_spacing_does_not_hide_a_repeated_line() -> None:
    """A share row printed twice, once with a no-break space and once with two spaces."""
    story = [
        "The harbour wall will be 2.4 metres high and run for 1.8 kilometres, the council said.",
        "Work is due to begin in September and to finish by the spring of 2028, it added.",
        "Opponents said the wall would cut the old fish market off from the sea for good.",
    ]
    text = "\n\n".join(
        ["Sharing\u00a0is caring!", story[0], "Sharing  is caring!", story[1], story[2]]
    )
    article = clean_pasted_text(text)
    assert list(article.body) == story
    assert list(article.removed) == ["Sharing is caring!", "Sharing is caring!"]


def test_furniture_is_removed_and_short_article_lines_kept() -> None:
    text, _ = _load("harbor-tribune-port-strike")
    article = clean_pasted_text(text)
    removed = set(article.removed)
    for junk in (
        "Share on Facebook",
        "Read more: City council approves new harbour budget",
        "(Photo: Getty Images)",
        "Cranes stand idle at the East Terminal on Monday morning.",
        "Accept all cookies",
        "Get the day's top stories delivered to your inbox every morning.",
        "Harbour dredging project delayed again",
        "© 2024 Harbor Tribune Media Group. All rights reserved.",
    ):
        assert junk in removed, junk
        assert junk not in article.body
    assert "What happens next" in article.body  # one-line subhead
    assert "“We're ready to talk tonight.”" in article.body  # one-line quote
    # The menu appears twice; both copies go.
    assert article.removed.count("Sports") == 2
    assert article.removed.count("Business") == 3  # both menus and the section kicker


def test_non_english_and_cjk_pages_are_not_empty() -> None:
    for name in ("rheinblatt-de-brücke", "xinwen-zh-subway"):
        text, _ = _load(name)
        assert len(clean_pasted_text(text).body) >= 4
    thai = (
        "หน้าแรก\nข่าว\nกีฬา\n\n"
        "รัฐบาลประกาศมาตรการช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมในภาคเหนือรวมมูลค่าหลายพันล้านบาท\n\n"
        "กระทรวงเกษตรระบุว่าเกษตรกรกว่าหนึ่งแสนครัวเรือนจะได้รับเงินชดเชยภายในสิ้นเดือนนี้ตามพื้นที่เพาะปลูกที่เสียหาย\n\n"
        "แชร์\n"
    )
    body = clean_pasted_text(thai).body
    assert len(body) == 2 and body[0].startswith("รัฐบาล")
    japanese = (
        "ホーム\nニュース\n\n"
        "東京都は二十四日、新しい防災計画を発表した。大規模な地震に備えて、避難所の数を増やす。\n\n"
        "計画では、二〇三〇年までに都内の避難所を約千か所増やし、備蓄食料も拡充するという。\n\n"
        "関連記事\n"
    )
    assert len(clean_pasted_text(japanese).body) == 2


def test_word_units_counts_unspaced_scripts() -> None:
    assert word_units("three short words") == 3
    assert word_units("地铁新线路今日开通运营") > 4


@pytest.mark.parametrize(
    "text",
    ["Home\nNews\nSport\nLog in\nSubscribe", "x", "\u200b\n\t\n", "....\n!!!!\n1\n2", "a\rb\r\nc"],
)
def test_odd_input_never_crashes(text: str) -> None:
    article = clean_pasted_text(text, url="https://example.org/a")
    assert article.meta.url == "https://example.org/a"
    assert isinstance(article.body, tuple)


def test_menu_only_page_has_empty_body() -> None:
    article = clean_pasted_text("Home\nNews\nSport\nWeather\nLog in\nSubscribe\nPrivacy Policy")
    assert article.body == ()
    assert "Log in" in article.removed


def test_outlet_from_url_when_text_has_none() -> None:
    text, _ = _load("xinwen-zh-subway")
    article = clean_pasted_text(
        text.replace("版权所有 © 2024 城市日报", ""), "https://news.example.co.uk/a/1"
    )
    assert article.meta.outlet == "Example"
    assert outlet_from_url("https://www.slashgear.com/x") == "Slashgear"
    assert find_outlet(["Stay up to date with notifications from The\u00a0Independent"], None) == (
        "The Independent"
    )


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thursday 24 October 2024 08:37 EDT", "2024-10-24T08:37:00-04:00"),
        ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31:00-06:00"),
        ("November 18, 2019 11:03 PM", "2019-11-18T23:03:00"),
        ("Published 2019-11-19", "2019-11-19"),
        ("24. Oktober 2024", "2024-10-24"),
        ("24 de octubre de 2024", "2024-10-24"),
        ("2024年10月24日", "2024-10-24"),
        ("Mon 18 Nov 2019 18.54 GMT", "2019-11-18T18:54:00+00:00"),
        ("The 2019 budget", None),
        ("21/06/2014", "2014-06-21"),
        ("Posted 21.06.2014 14:05", "2014-06-21T14:05:00"),
        ("06/21/2014", "2014-06-21"),
        ("03/04/2019", "2019-04-03"),
        ("Version 1.2.2019b", None),
        # spans copied without the spaces between them
        ("PUBLISHED WED, NOV 20 20194:29 AM ESTUPDATED AN HOUR AGO", "2019-11-20T04:29:00-05:00"),
        # a US stamp with a two-digit year, read only with its 12-hour clock time
        ("By Meg James - 11/18/19 11:04 PM EST", "2019-11-18T23:04:00-05:00"),
        ("11/20/19 6:38 AM", "2019-11-20T06:38:00"),
        ("11/20/19 6:38 PM Tuesday", "2019-11-20T18:38:00"),  # "Tues" is no time zone
        ("Posted 3/4/21 at 12:15 am", "2021-03-04T00:15:00"),
        ("The vote went 11/18/19 in three rounds", None),
        ("Filed 13/18/19 1:00 PM", None),
        # Portuguese, Italian, Dutch, Russian month names
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22"),
        ("4 de março de 2019", "2019-03-04"),
        ("mercoledì 4 settembre 2019", "2019-09-04"),
        ("12 maart 2020", "2020-03-12"),
        ("Текст: Анна Петрова·11 октября 2018", "2018-10-11"),
        ("The set of 12 out of 2019 entries", None),
    ],
)
def test_parse_date(line: str, iso: str | None) -> None:
    assert parse_date(line) == iso


def test_parse_byline() -> None:
    assert parse_byline("By Jane Doe and John Smith, Political Editor") == (
        "Jane Doe",
        "John Smith",
    )
    assert parse_byline("Arpan Rai", need_by=False) == ("Arpan Rai",)
    assert parse_byline("Arpan Rai") == ()
    assert parse_byline("By the way, this is a sentence.") == ()
    assert parse_byline("By Jill Disis, CNN Business") == ("Jill Disis",)
    assert parse_byline("By Jonathan GarberFOXBusiness") == ("Jonathan Garber",)


@pytest.mark.parametrize("line", ["Watch CBSN Live", "United States", "Business News", "NBC News"])
def test_bare_byline_must_look_like_a_name(line: str) -> None:
    assert parse_byline(line, need_by=False) == ()
    assert parse_byline("Jane van Doe", need_by=False) == ("Jane van Doe",)


def test_article_from_clean_text_paragraphs() -> None:
    text = "  First paragraph\nstill first.\n\n\nSecond one.  \n \nThird."
    article = article_from_clean_text(text, url="https://example.org/x")
    assert article.body == ("First paragraph\nstill first.", "Second one.", "Third.")
    assert article.removed == ()
    assert article.meta.url == "https://example.org/x"
    assert article_from_clean_text("one\ntwo\n\r\nthree").body == ("one\ntwo", "three")
    assert article_from_clean_text("one\n  two \nthree").body == ("one", "two", "three")


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared seed data not available")
def test_seed_independent_duma_treaty() -> None:
    article = clean_pasted_text(SEED.read_text(encoding="utf-8"))
    meta = article.meta
    assert meta.title == "Russian parliament votes to ratify mutual defence treaty with North Korea"
    assert meta.standfirst and meta.standfirst.startswith("Treaty obliges Moscow and Pyongyang")
    assert meta.byline == ("Arpan Rai",)
    assert meta.published == "2024-10-24T08:37:00-04:00"
    assert meta.outlet == "The Independent"
    assert article.body[0].startswith("Russian lawmakers ratified")
    assert article.body[-1].startswith("They had since been deployed to three training grounds")
    assert article.body[-1].endswith("Russian soldiers,” he said.")
    joined = "\n".join(article.body)
    for junk in (
        "Your support",
        "donation",
        "Related:",
        "Comments",
        "registering",
        "notifications",
    ):
        assert junk not in joined, junk
    assert len(article.body) == 15


def test_month_stems_cover_every_month_name() -> None:
    """parse_date skips the month-name patterns for a line without a stem: every name the
    patterns know must hold one, in any case."""
    from bot import textmeta

    names = re.search(r"\(\?P<mon>(.*)\)\\\.\?", textmeta._MON)
    assert names
    for alternative in names.group(1).split("|"):
        for name in {re.sub(r"\(\?:|\)\??|\?", "", alternative), alternative.split("(")[0]}:
            assert textmeta._names_a_month(name.upper()), name


@pytest.mark.parametrize(
    ("text", "word_list", "expected"),
    [
        ("Jill Disis, CNN Business", "_NOT_BARE", True),
        ("Busy Businesses", "_NOT_BARE", False),
        ("PHOTOS by Jo", "_NOT_BARE", True),
        ("Jane Doe", "_NOT_NAMES", False),
        ("The Staff", "_NOT_NAMES", True),
        ("Staffordshire", "_NOT_NAMES", False),
        ("comments-disabled", "_NOT_NAMES", True),
    ],
)
def test_word_lists_match_whole_words(text: str, word_list: str, expected: bool) -> None:
    from bot import textmeta

    assert textmeta._holds_any(text, getattr(textmeta, word_list)) is expected


def test_a_role_glued_to_the_byline_name_is_cut_but_not_a_mcname() -> None:
    assert parse_byline("By Meg JamesStaff Writer") == ("Meg James",)
    assert parse_byline("By Michael HiltzikBusiness Columnist") == ("Michael Hiltzik",)
    assert parse_byline("By Ann McDonald and Jo LeBlanc") == ("Ann McDonald", "Jo LeBlanc")


def test_a_photo_credit_above_the_byline_is_not_the_headline() -> None:
    text = "\n".join(
        [
            "Company Town",
            "Library to open on Sundays after residents' petition",
            "The council agreed to longer hours after 4,000 people signed a petition.",
            "",
            "(Jane Roe / Associated Press)",
            "By Meg JamesStaff Writer",
            "Nov. 19, 2019",
            "",
            "The library will open on Sundays from next month, the council said on Tuesday, "
            "after a petition signed by 4,000 residents asked for longer hours.",
            "",
            "Opening on Sundays will cost about 120,000 pounds a year, paid from the culture "
            "budget, according to a report presented to councillors on Tuesday evening.",
            "",
            '"People told us the library matters to them," said Ruth Okafor, who leads the '
            'council. "We listened, and the money is there for it."',
        ]
    )
    meta = clean_pasted_text(text).meta
    assert meta.title == "Library to open on Sundays after residents' petition"
    assert meta.standfirst == (
        "The council agreed to longer hours after 4,000 people signed a petition."
    )
    assert meta.byline == ("Meg James",)


@pytest.mark.parametrize(
    "furniture",
    [
        "Today 12:01 AM",
        "Published 1 day ago",
        "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
        "11/20/19 6:38 AM",
        "Anna Moneymaker/The New York Times",
        "Media captionWho is Ruth Okafor?",
        "By Staff Reports -",
        "Ruth Okafor @ruthokafor / 2 days",
        "New, 15 comments",
        "You are here: Home > News > Local",
    ],
)
def test_time_credit_and_byline_lines_are_not_the_headline(furniture: str) -> None:
    text = "\n\n".join(["News", _LIBRARY_HEADLINE, furniture, *_LIBRARY_BODY])
    assert clean_pasted_text(text).meta.title == _LIBRARY_HEADLINE


# ---------------------------------------------------------------- headline among furniture

_LIBRARY_HEADLINE = "Library to open on Sundays after residents' petition"
_LONG_HEADLINE = "Library to open on Sundays after thousands of residents sign a petition"
_LIBRARY_BODY = [
    "The library will open on Sundays from next month, the council said on Tuesday, "
    "after a petition signed by 4,000 residents asked for longer hours.",
    "Opening on Sundays will cost about 120,000 pounds a year, paid from the culture "
    "budget, according to a report presented to councillors on Tuesday evening.",
    '"People told us the library matters to them," said Ruth Okafor, who leads the '
    'council. "We listened, and the money is there for it."',
]


def _page(*header: str) -> str:
    return "\n".join([*header, "", *_LIBRARY_BODY])


@pytest.mark.parametrize(
    "header",
    [
        # A breadcrumb and a section promo sit right above a long headline.
        ("Home News Local", "Watch Council TV Live", _LONG_HEADLINE, "By Meg James"),
        # A share panel of many lines between the headline and the byline.
        (_LIBRARY_HEADLINE, *["Share this with Facebook", "Facebook", "Share this with X",
                              "Copy this link", "Close share panel"] * 8, "By Meg James"),
        # The date comes first, the headline under it.
        ("Local", "Tuesday 19 November 2019", _LIBRARY_HEADLINE, "Meg James"),
        # The page's own address, printed for sharing, and a byline without "By".
        ("https://example.org/news/library-to-open-on-sundays", _LIBRARY_HEADLINE,
         "Meg James and Jo Roe, Harbour Gazette", "Updated 12:24 am, Nov. 20, 2019"),
        # Teasers for other stories above the headline, a video caption under the byline.
        ("Most read", "Bus fares to rise in January", "Storm closes coastal road",
         _LIBRARY_HEADLINE, "By Meg James", "Council leader on the library plans"),
    ],
    ids=["breadcrumb-promo", "share-panel", "date-first", "url-and-bare-byline", "teasers"],
)
def test_the_headline_is_the_line_about_the_story(header: tuple[str, ...]) -> None:
    """The headline is the line near the byline whose words the article repeats; menus,
    promos, teasers, share panels, addresses and bare bylines around it are not."""
    expected = _LONG_HEADLINE if _LONG_HEADLINE in header else _LIBRARY_HEADLINE
    assert clean_pasted_text(_page(*header)).meta.title == expected


def test_of_two_lines_on_the_story_the_upper_is_the_headline() -> None:
    dek = "Councillors back longer library hours on Sundays after residents ask for them"
    meta = clean_pasted_text(_page("News", _LIBRARY_HEADLINE, dek, "By Meg James")).meta
    assert (meta.title, meta.standfirst) == (_LIBRARY_HEADLINE, dek)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Meg Kinnard and Errin Haines, Associated Press", ("Meg Kinnard", "Errin Haines")),
        ("Greg Beacham, AP Sports Writer", ("Greg Beacham",)),
        ("Kevin Johnson and Kevin McCoy USA TODAY", ("Kevin Johnson", "Kevin McCoy")),
        ("Catherine Shu @catherineshu / 2 days", ("Catherine Shu",)),
        ("Bill Hoppe, Special to the Pioneer Press", ("Bill Hoppe",)),
        # Not credits: a headline with a comma, menus, places, links to other posts.
        ("Boris Johnson, Jeremy Corbyn clash in debate", ()),
        ("Watch CBSN Live", ()),
        ("New York, United States", ()),
        ("Previous Post", ()),
    ],
)
def test_a_credit_line_without_by(line: str, names: tuple[str, ...]) -> None:
    assert parse_credit(line) == names


def test_a_byline_loses_its_handle_and_time_stamp() -> None:
    assert parse_byline("By Umair Irfan Updated Nov 13, 2019, 10:28am EST") == ("Umair Irfan",)
    assert parse_byline("By Chaim Gartenberg@cgartenberg Nov 19, 2019") == ("Chaim Gartenberg",)


def test_the_credit_under_the_headline_is_the_byline_even_when_the_foot_repeats_it() -> None:
    text = "\n".join(
        [
            "News",
            _LIBRARY_HEADLINE,
            "Meg James and Jo Roe, Harbour Gazette",
            "",
            *_LIBRARY_BODY,
            "",
            "Meg James and Jo Roe, Harbour Gazette",
            "Meg James covers the council for the Gazette.",
        ]
    )
    meta = clean_pasted_text(text).meta
    assert (meta.title, meta.byline) == (_LIBRARY_HEADLINE, ("Meg James", "Jo Roe"))


def test_a_long_published_and_updated_stamp_gives_the_publication_date() -> None:
    stamp = "PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 20, 2019 at 10:16 am"
    meta = clean_pasted_text(_page(_LIBRARY_HEADLINE, "By Meg James", stamp)).meta
    assert (meta.title, meta.published) == (_LIBRARY_HEADLINE, "2019-11-19T20:59:00")


@pytest.mark.parametrize(
    "furniture",
    [
        "Plane passengers quarantined after plague outbreak in Mongolia [NEWS]",
        "Scientists warn of a plague of mosquitoes heading for the coast [INSIGHT]",
        "A cross-section of the library's new reading room, seen from the roof. Credit: Jo Roe",
        "Explore further",
        "Citation: Library to open on Sundays (2019, November 18) retrieved 20 November 2019",
    ],
)
def test_in_body_links_credits_and_citations_are_removed(furniture: str) -> None:
    """Links to other stories tagged with their section, captions ending in a credit and a
    science site's citation box are furniture, wherever they sit in the article."""
    body = list(_LIBRARY_BODY)
    text = "\n\n".join([_LIBRARY_HEADLINE, body[0], furniture, *body[1:]])
    article = clean_pasted_text(text)
    assert article.body == tuple(_LIBRARY_BODY)
    assert furniture in article.removed


def test_the_outlet_is_the_footers_copyright_holder_not_a_picture_credit() -> None:
    lines = [
        "Harbour Gazette",
        "(Image: © NASA/JPL-Caltech)",
        "Image copyright EPA",
        "© Jo Roe",
        "The library will open on Sundays from next month, the council said.",
        "Copyright © 2019 Harbour Gazette Ltd. All rights reserved. Terms apply.",
    ]
    assert find_outlet(lines, None) == "Harbour Gazette"
    assert find_outlet(["© 2019 BBC. The BBC is not responsible for external sites."], None) == (
        "BBC"
    )
    assert find_outlet(["© Copyright India Post 2019"], None) == "India Post"


def test_a_holding_companys_initials_give_the_publication_the_page_spells_out() -> None:
    lines = ["Harbour Evening Gazette", "The library will open on Sundays, the council said.",
             "© 2019 HEG Holdings, Inc. All Rights Reserved"]
    assert find_outlet(lines, None) == "Harbour Evening Gazette"
    # initials that are the brand itself stay as they are
    assert find_outlet(["News Channel Network", "© 2019 NCN"], None) == "NCN"


_STREAMING_BODY = [
    "The streaming service struggled on its first day, when more than ten million people "
    "activated their accounts, the company said on Tuesday.",
    "Engineers isolated the fault within hours and patched the software, and the company "
    "continued to sign up new subscribers throughout the week.",
    "Analysts are trying to judge how many services households will pay for, and how many "
    "subscribers will sign up for a second one once their free trial ends.",
    "The premium edition arrives in fourteen countries on Friday; cheaper subscription "
    "plans follow early next year.",
]


def _story_with(inserted: str) -> tuple[str, tuple[str, ...]]:
    """A pasted library story with ``inserted`` set between its third and fourth
    paragraphs, and the body the cleaner should give (the story's paragraphs)."""
    body = (*_LIBRARY_BODY, *_STREAMING_BODY)
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body[:3], inserted, *body[3:]])
    return text, body


def test_prose_about_subscriptions_is_not_an_appeal() -> None:
    """Appeal words ("sign up", "subscribers") in a paragraph that does not speak to the
    reader are the article's, in the middle of it and at its end; an appeal that does is
    still dropped."""
    appeal = (
        "Sign up for our daily newsletter and get the latest stories delivered to your inbox "
        "every morning, or subscribe to support our journalism."
    )
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *_STREAMING_BODY, appeal])
    article = clean_pasted_text(text)
    assert article.body == tuple(_STREAMING_BODY)
    assert appeal in article.removed


@pytest.mark.parametrize("heading", ["Next Up In Local News", "Up next:", "UP NEXT", "Watch next"])
def test_an_up_next_list_after_the_article_is_dropped(heading: str) -> None:
    """"Next up" heads a list of other stories, as "Related" and "Most read" do: the
    block of text does not run on through it to the summaries of the most-read stories."""
    teasers = [
        "A clever new plan to cut the queues at the town's busiest post office",
        "How the harbour's old cranes were saved from the scrapyard",
        "These councillors want the bus station moved out of the centre",
        "Why the ferry timetable changes every winter",
    ]
    summary = (
        "The council's budget meeting was a disaster for the ruling group. Even its own "
        "members said the figures did not add up, and the vote was put off for a month "
        "while officials go through the spending plans line by line once more."
    )
    most_read = "\n".join(f"Story {n}: {summary}" for n in range(3))
    text = "\n\n".join(
        [_LIBRARY_HEADLINE, "By Meg James", *_LIBRARY_BODY, heading, *teasers, "Most Read"]
    )
    article = clean_pasted_text(text + "\n" + most_read)
    assert article.body == tuple(_LIBRARY_BODY)


def test_a_tweet_set_into_the_article_is_kept_with_its_picture_link_and_signature() -> None:
    """A quoted tweet is article text: the "twitter" in its picture link is no share button,
    and its signature closes the article when the tweet comes last."""
    tweet = (
        "Good news for readers: the library will be open on Sundays from next month, and the "
        "money to pay for it is there pic.twitter.com/Ab12Cd34"
    )
    signature = "— Ruth Okafor (@ruthokafor) November 19, 2019"
    shared = "Ms. Okafor shared the news with residents in a message of her own."
    body = [*_LIBRARY_BODY, shared, tweet, signature]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body, "Most Popular", "Contact Us"])
    assert clean_pasted_text(text).body == tuple(body)
    middle = [*_LIBRARY_BODY[:2], tweet, signature, _LIBRARY_BODY[2]]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *middle])
    assert clean_pasted_text(text).body == tuple(middle)


@pytest.mark.parametrize(
    "caption",
    [
        "The reading room as the architects drew it: (1) the lending desk, (2) the children's "
        "corner, (3) study carrels along the east wall, (4) the local history archive and (5) "
        "a café by the entrance, with the staff offices and the stores behind the stacks on "
        "the ground floor. Credit: Harbour Council",
        "Readers queue outside the library on the first Sunday it opened, Sunday, Nov. 17, "
        "2019, in Harbour, after a petition signed by 4,000 residents asked for longer hours "
        "and the council found the money to keep the doors open on Sundays for the whole "
        "of next year. (AP Photo/Jo Roe)",
    ],
)
def test_a_long_caption_ending_in_its_credit_is_removed(caption: str) -> None:
    """A caption closed by its credit is one at any length."""
    body = list(_LIBRARY_BODY)
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", body[0], caption, *body[1:]])
    article = clean_pasted_text(text)
    assert article.body == tuple(body)
    assert caption in article.removed


def test_a_byline_carrying_its_date_and_time_starts_the_article_after_it() -> None:
    """A byline too long for the plain byline test because it carries the date and time
    still ends the header: the claim, headline and caption above it are not the article."""
    header = [
        '"The library will open every Sunday of the year."',
        "— Ruth Okafor on Monday, October 14th, 2019 in a council meeting",
        _LIBRARY_HEADLINE,
        "By Meg James , Jo Roe on Monday, November 18th, 2019 at 11:08 a.m.",
        "The library's reading room on a weekday morning, when most of its seats are empty. (AP)",
    ]
    article = clean_pasted_text("\n\n".join([*header, *_LIBRARY_BODY]))
    assert article.body == tuple(_LIBRARY_BODY)
    assert article.meta.title == _LIBRARY_HEADLINE
    assert article.meta.byline == ("Meg James", "Jo Roe")
    assert article.meta.published == "2019-11-18T11:08:00"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Meg James and Jo Roe on Monday", ("Meg James", "Jo Roe")),
        ("By Meg James, Jo Roe on Nov. 18, 2019", ("Meg James", "Jo Roe")),
        ("By Ann Lee on Fire Island", ()),
    ],
)
def test_a_byline_loses_its_on_date(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names


def test_a_closing_list_of_sources_is_dropped_but_not_a_sources_subhead() -> None:
    """The article ends at the heading of its list of sources; a "Sources" subhead with
    most of the article still to come is part of it."""
    sources = [
        "Sources:",
        "Harbour Gazette, \"Library hours to be reviewed after petition,\" Oct. 13, 2019",
        "Harbour Council, \"Culture budget 2019-20: report to councillors presented on "
        'Tuesday evening," accessed Nov. 13, 2019',
        "Email interview with Ruth Okafor, leader of Harbour Council, Nov. 14, 2019",
    ]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *_LIBRARY_BODY, *sources])
    assert clean_pasted_text(text).body == tuple(_LIBRARY_BODY)
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", body[0], "Sources:", *body[1:]])
    assert clean_pasted_text(text).body == tuple(body)


def test_the_text_does_not_run_on_across_a_staff_list_to_an_appeal() -> None:
    """A long run of short lines (a staff list) after the article, then the site's appeal
    in paragraphs, shorter than the article: the article ends before the list."""
    names = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ida", "Jo", "Kit", "Lu"]
    staff = ["Our Newsroom", "Editorial", *[f"{name} Okafor" for name in names]]
    appeal = [
        "Most of our stories begin when readers ask us a question. Those questions send our "
        "reporters to the council chamber, to the courts, to the harbour and to the archives, "
        "and their answers take days of work to get right.",
        "We do this work every day at no cost to readers, but it is far from free to produce.",
    ]
    text = "\n\n".join(
        [_LIBRARY_HEADLINE, "By Meg James", *_LIBRARY_BODY, *_STREAMING_BODY, *staff, *appeal]
    )
    assert clean_pasted_text(text).body == (*_LIBRARY_BODY, *_STREAMING_BODY)


def test_a_long_caption_glued_to_its_credit_is_removed_on_a_page_of_spaced_paragraphs() -> None:
    """Where paragraphs are set apart by blank lines, the line right above a credit with no
    blank line between them is the picture's caption, however long; a paragraph set apart
    from the credit stays."""
    caption = (
        "Ruth Okafor, the leader of Harbour Council, centre, walks past the shelves of the "
        "library's new reading room with members of the residents' group on Tuesday."
    )
    credit = "Jo Roe | Harbour Gazette | Getty Images"
    body = list(_LIBRARY_BODY)
    pictured = f"{caption}\n{credit}"
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", body[0], pictured, *body[1:]])
    article = clean_pasted_text(text)
    assert article.body == tuple(body)
    assert caption in article.removed
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", body[0], credit, *body[1:]])
    assert clean_pasted_text(text).body == tuple(body)


def test_a_sites_legal_footer_after_the_article_is_dropped() -> None:
    """The legal lines a site prints under every story ("... may not be reproduced",
    "Community Rules apply ...") are furniture, not the article's closing paragraphs."""
    footer = [
        "View Comments",
        "Disclaimer",
        "Registration on or use of this site constitutes acceptance of our User Agreement, "
        "Privacy Policy and Cookie Statement",
        "© 2019 Harbour Gazette. All rights reserved (About Us).",
        "The material on this site may not be reproduced, distributed, transmitted, cached or "
        "otherwise used, except with the prior written permission of the Harbour Gazette.",
        "Community Rules apply to all content you upload or otherwise submit to this site.",
        "Ad Choices",
    ]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *_LIBRARY_BODY, *footer])
    assert clean_pasted_text(text).body == tuple(_LIBRARY_BODY)


def test_a_table_of_capitalised_names_is_kept_but_not_a_capitalised_link() -> None:
    """A table row is not an all-capitals link however few lower-case letters it holds."""
    rows = ["TICKER\tCOMPANY\tPRICE\tCHANGE", "HGZ\tHARBOUR GAZETTE GROUP INC.\t25.86\t-1.99"]
    link = "GET THE HARBOUR GAZETTE APP BY CLICKING HERE"
    body = list(_LIBRARY_BODY)
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", body[0], *rows, link, *body[1:]])
    assert clean_pasted_text(text).body == (body[0], *rows, *body[1:])


def test_a_subhead_in_capitals_asking_a_question_is_kept() -> None:
    subhead = "WILL THE COUNCIL FIND THE MONEY AGAIN NEXT YEAR?"
    body = [*_LIBRARY_BODY[:2], subhead, _LIBRARY_BODY[2]]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body])
    assert clean_pasted_text(text).body == tuple(body)


def test_the_links_under_a_related_heading_inside_the_article_are_dropped() -> None:
    """Under "Related articles" set into the text, the lines packed together up to the next
    paragraph set apart by a blank line are links, even one that reads like a sentence."""
    box = "\n".join(
        [
            "Related articles",
            "Ferry strike: crossings cancelled as crews walk out over pay",
            "Harbour weather alert: Storm to batter the coast as winds reach 80mph...",
        ]
    )
    text, body = _story_with(box)
    assert clean_pasted_text(text).body == tuple(body)


def test_a_quoted_question_to_the_reader_is_not_an_appeal() -> None:
    """A source quoted asking "you" about subscriptions is the article's closing quote, not
    the site asking the reader to subscribe."""
    quote = (
        "“After two more years of this,” Okafor asks, “what kind of library are residents "
        "going to feel is worth a membership subscription? What’s your plan after the cuts?”"
    )
    body = [*_LIBRARY_BODY, quote]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body, "Newsletter", "Subscribe"])
    assert clean_pasted_text(text).body == tuple(body)


@pytest.mark.parametrize(
    "caption",
    [
        "Media captionRuth Okafor opens the library's doors on its first Sunday",
        "Image caption The reading room was full within an hour of opening",
    ],
)
def test_a_labelled_caption_is_removed(caption: str) -> None:
    """"Media caption" / "Image caption" labels, glued to the text or not, mark a caption."""
    text, body = _story_with(caption)
    article = clean_pasted_text(text)
    assert article.body == tuple(body)
    assert caption in article.removed


def test_a_gallerys_counter_and_submitted_photo_credits_are_dropped() -> None:
    credits = ["Ann Lee Submitted photo", "Bo Chan Submitted photo", "Cy Roe Courtesy photo"]
    gallery = ["1 of 3", *credits]
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body[:3], *gallery, *body[3:]])
    assert clean_pasted_text(text).body == tuple(body)


@pytest.mark.parametrize(
    "link",
    [
        "SEE MORE: Ferry strike: crossings cancelled as crews walk out over pay",
        "Council furious at minister over library funding jibe [REACTION]",
        "Harbour residents 'threatened with closure of the reading room' [INSIGHT]|",
    ],
)
def test_in_body_links_with_a_label_or_a_section_tag_are_removed(link: str) -> None:
    text, body = _story_with(link)
    assert clean_pasted_text(text).body == tuple(body)


def test_a_wire_storys_file_photo_caption_and_reporting_credits_are_removed() -> None:
    caption = (
        "FILE PHOTO: Readers queue outside the library in Harbour on Sunday, November 17, "
        "2019, after a petition asked for longer opening hours. REUTERS/Jo Roe"
    )
    credits = "Reporting by Meg James; additional reporting by Jo Roe; Editing by Ann Lee"
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", caption, *body, credits, "Contact"])
    article = clean_pasted_text(text)
    assert article.body == tuple(body)
    assert caption in article.removed and credits in article.removed
    bracketed = f"({credits}.)"
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body, bracketed, "Contact"])
    assert clean_pasted_text(text).body == tuple(body)


def test_a_long_comment_policy_after_the_article_is_dropped() -> None:
    """An appeal to the reader trailing the text is dropped up to 80 words long."""
    policy = (
        "Before you post, remember that a real person reads every reply. We want the "
        "discussion under our stories to stay useful, civil and on the subject of the story, "
        "so we take down posts that insult other readers, repeat themselves or stray far from "
        "the subject, and we may close the thread when it turns sour. Posting means you accept "
        "our terms of use and the house rules for readers."
    )
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *_LIBRARY_BODY, policy, "Contact"])
    assert clean_pasted_text(text).body == tuple(_LIBRARY_BODY)


def test_a_caption_closed_by_a_bracketed_credit_is_removed() -> None:
    caption = (
        "An artist's drawing of the library's planned extension shows how the new reading "
        "room would open onto the harbour front [Harbour Council via Jo Roe Architects]"
    )
    text, body = _story_with(caption)
    assert clean_pasted_text(text).body == tuple(body)


@pytest.mark.parametrize(
    "line",
    [
        "A council spokesperson declined to comment.",
        "The builder did not immediately respond to the Gazette's request for comment.",
        "Mr. Roe could not be reached for comment on Tuesday.",
    ],
)
def test_a_reporters_no_comment_line_is_article(line: str) -> None:
    body = [*_LIBRARY_BODY[:2], line, _LIBRARY_BODY[2], *_STREAMING_BODY]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body, "Be the first to comment"])
    assert clean_pasted_text(text).body == tuple(body)


def test_an_agency_caption_and_its_via_credit_are_removed() -> None:
    """"In this <date> file photo ..." opens a wire caption; "... via AP" closes a credit."""
    caption = "In this Nov. 3, 2019, file photo, readers queue outside the Harbour library."
    credit = "Harbour Council via AP"
    pictured = f"{caption}\n{credit}"
    text, body = _story_with(pictured)
    article = clean_pasted_text(text)
    assert article.body == tuple(body)
    assert caption in article.removed and credit in article.removed
    finish = "This is a photo finish for the council, which votes again on Friday."
    body = [*body[:3], finish, *body[3:]]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body])
    assert clean_pasted_text(text).body == tuple(body)


def test_a_share_it_with_a_friend_prompt_is_dropped() -> None:
    prompt = "Enjoyed this story? Share it with a friend!"
    text, body = _story_with(prompt)
    assert clean_pasted_text(text).body == tuple(body)


def test_another_storys_cut_summary_above_read_more_is_dropped() -> None:
    """A card for another story set into the text: its title, its summary cut off
    mid-sentence, and "Read more"."""
    card = [
        "Ferry Fares Don't Have to Rise to Pay for the New Terminal, Report Shows",
        "In recent months, hundreds of passengers have written to the council to complain and "
        "some have even stopped using the",
        "Read more",
    ]
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body[:3], *card, *body[3:]])
    assert clean_pasted_text(text).body == tuple(body)


def test_a_summary_cut_off_under_a_see_also_link_is_dropped() -> None:
    teaser = ["See also", "Ferry crews walk out over pay as crossings are cancelled",
              "Crossings to the islands were cancelled on Monday after crews,..."]
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body[:3], *teaser, *body[3:]])
    assert clean_pasted_text(text).body == tuple(body)
    ending = [*body[:3], "And then the council said it would think again…", *body[3:]]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *ending])
    assert clean_pasted_text(text).body == tuple(ending)


def test_a_gallerys_view_all_and_back_to_gallery_labels_are_dropped() -> None:
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    widget = ["View all (12)", "Back to Gallery"]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body[:3], *widget, *body[3:]])
    assert clean_pasted_text(text).body == tuple(body)


def test_the_authors_note_closing_the_text_is_dropped() -> None:
    """The last line opening with the byline's name is the author's note; a paragraph
    naming another person, or the author by surname, stays."""
    note = (
        "Meg James (meg@harbourgazette.example) is the Gazette's local government reporter "
        "and the author of a history of the harbour."
    )
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body, note])
    article = clean_pasted_text(text)
    assert article.body == tuple(body)
    assert note in article.removed
    last = "James, who has covered the council since 2015, asked for the report in June."
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body, last])
    assert clean_pasted_text(text).body == (*body, last)


def test_a_tell_us_what_you_think_prompt_and_the_promo_above_it_are_dropped() -> None:
    promo = (
        "Get the Harbour Gazette delivered to your door every week. 12 issues for £9.99. "
        "Click here for more information."
    )
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    text = "\n\n".join(
        [_LIBRARY_HEADLINE, "By Meg James", *body, promo, "Tell us what YOU think...", "comments"]
    )
    assert clean_pasted_text(text).body == tuple(body)


def test_a_closing_sentence_broken_over_lines_at_a_comma_is_kept() -> None:
    """The text's end runs on over a line ending in a comma into the sentence it opens."""
    body = [*_LIBRARY_BODY, *_STREAMING_BODY]
    broken = ["Residents who signed the petition, and those who did not,", "are all invited."]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body, *broken, "Related", "Home"])
    assert clean_pasted_text(text).body == (*body, *broken)


@pytest.mark.parametrize(
    "leak",
    [
        "[button link=”https://example.org/reviews/” size=”big”] Send us YOUR review[/button]",
        "This slideshow requires JavaScript.",
    ],
)
def test_a_blogs_unrendered_shortcode_and_script_notice_are_dropped(leak: str) -> None:
    text, body = _story_with(leak)
    assert clean_pasted_text(text).body == tuple(body)


def test_a_link_under_the_sites_own_name_is_dropped_at_any_length() -> None:
    """"Also on <domain> <another story's title>" inside the article is a link, however long
    the title; a paragraph opening "Also on Tuesday" is the article's."""
    link = (
        "Also on example.com Council leaders threatened with sanctions over the delayed "
        "budget as ministers review every library closure in the county"
    )
    also_tuesday = (
        "Also on Tuesday, the council said it would publish the opening hours of every branch "
        "library before the end of the month."
    )
    body = [*_LIBRARY_BODY[:2], also_tuesday, *_LIBRARY_BODY[2:]]
    text = "\n\n".join([_LIBRARY_HEADLINE, "By Meg James", *body[:2], link, *body[2:]])
    cleaned = clean_pasted_text(text)
    assert cleaned.body == tuple(body)
    assert link in cleaned.removed


_HOVER_CARD = (
    "Maria LindqvistHarbour strike enters its second week | Ferry fares rise again | "
    "Councillors reject new bus station MORE"
)


def test_a_hover_card_glued_into_a_paragraph_is_cut_and_reported() -> None:
    """A politician's hover card (their full name glued to the link text, then their latest
    headlines up to "MORE") is page furniture inside a sentence: the sentence loses the card,
    keeps its own words, and the card is reported removed. Before, the card's "|" runs made
    the whole paragraph look like a list of links and the lede was dropped."""
    lede = (
        "Councillor Maria LindqvistMaria LindqvistHarbour strike enters its second week | "
        "Ferry fares rise again | Councillors reject new bus station MORE (Greens) said on "
        "Monday that the library would stay open on Sundays after all."
    )
    text, body = _story_with(lede)
    article = clean_pasted_text(text)
    assert article.body == (
        *body[:3],
        "Councillor Maria Lindqvist (Greens) said on Monday that the library would stay open "
        "on Sundays after all.",
        *body[3:],
    )
    assert _HOVER_CARD in article.removed


@pytest.mark.parametrize(
    "sentence",
    [
        "Senate leader Mitch McConnell said MORE than once that he would not allow a vote.",
        "The mayor, Ron DeSantis, told MORE voters to come out on the day.",
    ],
)
def test_capital_more_in_prose_is_not_a_hover_card(sentence: str) -> None:
    text, body = _story_with(sentence)
    assert clean_pasted_text(text).body == (*body[:3], sentence, *body[3:])


_OWNER = "© 2019 Harbour Communications, Inc. All rights reserved."


@pytest.mark.parametrize(
    ("brand_lines", "outlet"),
    [
        (["Contact HARBOURGATE", "HarbourGate Newsletters"], "HarbourGate"),
        (["Harbour News App Open", "View Harbour News in the app"], "Harbour News"),
        (["Harbour Sports is a registered trademark of Harbour Broadcasting"], None),
        (
            ["CLICK HERE TO GET THE HARBOUR NEWS APP", "Harbour News' Jo Roe contributed."],
            "Harbour News",
        ),
        (
            ["The Gazette 12 Quay Street, Westhaven", "The mayor told The Gazette on Monday."],
            "The Gazette",
        ),
        (["Continue to HarbourWire SKIP AD", "Back to HarbourWire"], "HarbourWire"),
        # capitals spelled in mixed case where the page does, never from an address
        (["Contact HNN", "Also on hnn.com: the ferry timetable"], "HNN"),
        (["The Harbour Verge homepage", "Follow The Harbour Verge online:"], "The Harbour Verge"),
        (["Back to Top", "Back to Top"], None),
        (["Back to Harbour", "Continue to Harbour"], None),
    ],
)
def test_the_page_brand_comes_before_the_owner_in_the_copyright(
    brand_lines: list[str], outlet: str | None
) -> None:
    """A page that names itself as a brand twice ("Contact X", "X Newsletters", "Get the X
    app", "X App", "X is a registered trademark", X above its street address, "Back to X",
    "X homepage", "Follow X online") is X, not the company in its copyright line; named
    once, the copyright line still decides. One plain word ("Top", "Harbour") is no brand."""
    lines = ["Home", *brand_lines, "The harbour reopened on Monday.", _OWNER]
    assert find_outlet(lines, None) == (outlet or "Harbour Communications")


@pytest.mark.parametrize(
    "menu", [["Contact Us", "Contact Us"], ["Health Newsletter", "Health", "Health news"]]
)
def test_menu_words_are_no_brand(menu: list[str]) -> None:
    assert find_outlet(["Home", *menu, _OWNER], None) == "Harbour Communications"


@pytest.mark.parametrize(
    "label", ["Reading time: 4 minutes", "Tempo de leitura: 4 minutos", "Lesezeit: 4 Minuten"]
)
def test_a_reading_time_label_is_no_headline(label: str) -> None:
    """A reading-time stamp, in any of the languages we clean, sits where a headline does
    but is page furniture (here under a headline the page repeats as its breadcrumb)."""
    assert is_boiler_text(fold(label))
    header = ("Home", _LIBRARY_HEADLINE, _LIBRARY_HEADLINE, "Meg James 19/11/2019 Local", label)
    article = clean_pasted_text(_page(*header))
    assert article.meta.title == _LIBRARY_HEADLINE
    assert label in article.removed


@pytest.mark.parametrize("label", ["Author:", "By", "Written by:"])
def test_a_credit_under_an_author_label_is_the_byline_not_the_headline(label: str) -> None:
    """"Author:" on its own line, then the credit (which need not be a person's name):
    the credit is the byline, never the headline."""
    text = _page("Home", _LIBRARY_HEADLINE, label, "Harbour Gazette Editorial Staff")
    article = clean_pasted_text(text)
    assert article.meta.byline == ("Harbour Gazette Editorial Staff",)
    assert article.meta.title == _LIBRARY_HEADLINE


def test_a_name_glued_to_its_author_page_link_is_a_byline() -> None:
    assert parse_byline("Meg JamesView More Articles") == ("Meg James",)
    assert parse_byline("Meg JamesSee All Posts by Meg James") == ("Meg James",)
    assert parse_byline("View More Articles") == ()


def test_a_byline_after_the_date_on_one_line_is_read() -> None:
    """"October 9, 2018 | by Meg James": the date line holds the byline too."""
    article = clean_pasted_text(_page("Home", _LIBRARY_HEADLINE, "October 9, 2018 | by Meg James"))
    assert article.meta.byline == ("Meg James",)
    assert article.meta.published is not None and article.meta.published.startswith("2018-10-09")


def test_a_teaser_with_a_full_stop_in_a_list_of_headlines_is_not_the_lede() -> None:
    """Other stories' headlines above the article, one of them written as two short
    sentences: it is a teaser like its neighbours, not the article's first paragraph."""
    teasers = [
        "Council to decide on the new harbour wall next month, officials confirm",
        "Man hurt after crashing into a lamp post on the coast road",
        "Ferry fares are on the rise. These maps show where and how much.",
        "Skimming device found at the harbour petrol station",
    ]
    text = "\n".join([_LIBRARY_HEADLINE, "By Meg James", *teasers, "", *_LIBRARY_BODY])
    article = clean_pasted_text(text)
    assert article.body == tuple(_LIBRARY_BODY)
    assert all(t in article.removed for t in teasers)


def test_a_hover_card_in_a_repeated_line_is_reported_once_per_copy() -> None:
    line = (
        "Councillor Maria LindqvistMaria LindqvistHarbour strike enters its second week | "
        "Ferry fares rise again | Councillors reject new bus station MORE (Greens) spoke."
    )
    text, _ = _story_with(line)
    article = clean_pasted_text(line + "\n\n" + text)
    assert article.removed.count(_HOVER_CARD) == 2


def test_a_list_of_other_stories_between_header_and_body_gives_no_header() -> None:
    """Kicker, headline and date of other stories, set between the article's header and
    its first paragraph, are a list: its last date and headline are not the article's."""
    others = []
    for kicker, title, day in [
        ("LOCAL", "Ferry timetable changes for the winter", "March 3, 2017"),
        ("FEATURES", "A year on the harbour wall with the gulls", "June 15, 2012"),
        ("LOCAL", "New lights for the promenade are switched on", "October 9, 2016"),
        ("LOCAL", "Harbour library reopens after the flood", "July 30, 2010"),
    ]:
        others += [kicker, title, day]
    page = "\n".join(["News", _LIBRARY_HEADLINE, "By Meg James", "November 19, 2019",
                      "Share", "MORE STORIES", *others, "", *_LIBRARY_BODY])
    meta = clean_pasted_text(page).meta
    assert (meta.title, meta.byline, meta.published) == (
        _LIBRARY_HEADLINE, ("Meg James",), "2019-11-19")


def test_a_headline_between_the_date_line_and_its_credit_beats_a_promo_above() -> None:
    """A sponsored column's title sits above the date line, the headline under it with the
    credit right below: the headline is the line over the credit, and the promo is not
    taken for it just because it echoes the article too."""
    page = _page("Council Talk", "Sunday opening: is the library budget right?",
                 "Tuesday 19 November 2019 9:22 am", _LIBRARY_HEADLINE, "Meg James", "Share")
    meta = clean_pasted_text(page).meta
    assert (meta.title, meta.byline) == (_LIBRARY_HEADLINE, ("Meg James",))


def test_an_updated_stamp_under_the_headline_does_not_hand_the_title_to_a_promo() -> None:
    for stamp in ("Updated: 14:05 BST, 24 October 2024", "Updated 3 minutes ago"):
        page = _page("Council Talk", "Sunday opening: is the library budget right?",
                     "Tuesday 19 November 2019 9:22 am", _LIBRARY_HEADLINE, stamp, "Meg James",
                     "Share")
        assert clean_pasted_text(page).meta.title == _LIBRARY_HEADLINE, stamp


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Reuters November 18, 2019 11:03 PM", ("Reuters",)),
        (" Associated Press November 19, 2019, 9:02 AM", ("Associated Press",)),
        ("By The Associated Press", ("The Associated Press",)),
        ("AFP 19/11/2019", ("AFP",)),
        ("AP", ()),  # under a picture: the photographer's agency
        ("Reuters", ()),
        ("Reuters Breakingviews November 18, 2019", ()),
    ],
)
def test_a_news_agency_is_the_byline_of_a_dated_or_by_line(
    line: str, names: tuple[str, ...]
) -> None:
    assert parse_byline(line, need_by=False) == names


def test_a_name_before_a_numeric_date_is_the_byline() -> None:
    line = "Ana Lima 23/08/2018 2 comentarios Noticias, Escolas"
    assert parse_byline(line, need_by=False) == ("Ana Lima",)


def test_an_agency_credit_line_gives_a_pasted_storys_byline() -> None:
    text = "\n\n".join([
        "Home", "Markets", "Harbour authority opens inquiry into ferry operator",
        "Reuters November 18, 2019 11:03 PM",
        "(Reuters) — The harbour authority is investigating the ferry operator's ticketing, "
        "according to two people familiar with the matter.",
        "The inquiry began after complaints from passengers about double charging on the "
        "morning routes, the people said, asking not to be named.",
        "The operator said it was cooperating with the authority and had refunded the fares "
        "it found to have been charged twice in October.",
    ])
    meta = clean_pasted_text(text).meta
    assert meta.byline == ("Reuters",)
    assert meta.title == "Harbour authority opens inquiry into ferry operator"
    assert meta.published is not None and meta.published.startswith("2019-11-18")


def test_a_brand_before_the_copyright_sign_is_the_outlet_when_the_page_names_it_again() -> None:
    lines = ["HarbourTech", "The ferry app launched on Monday.",
             "HarbourTech © 2019 Quayside ADS, LLC. All rights reserved."]
    assert find_outlet(lines, None) == "HarbourTech"
    # named once, it is a badge beside the owner's line: the owner stays
    assert find_outlet(["IPSO Regulated © 2019 Harbour Newspapers Ltd"], None) == (
        "Harbour Newspapers")


def test_a_newsletter_from_an_editor_names_no_outlet() -> None:
    lines = ["Sign up for our weekly email newsletter from Editor Dora Quist"]
    assert find_outlet(lines, None) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Kevin Johnson and Kevin McCoy HARBOUR TODAY", "HARBOUR TODAY"),
        ("By Ann Lee HNN", "HNN"),
        ("Ann Lee", None),
        ("ANN LEE and JO ROE", None),  # names in capitals: no outlet after them
        ("Jo Li - Nov 19, 2019, 10:31 pm CST", None),  # a time zone
        ("Ann McDonald EST", None),
    ],
)
def test_the_outlet_a_credit_line_ends_with(line: str, outlet: str | None) -> None:
    assert credit_outlet(line) == outlet


def test_a_credit_lines_outlet_comes_before_the_owner_in_the_copyright() -> None:
    text = "\n\n".join([
        "Home", "News", "Harbour council votes to close the ferry terminal",
        "Kevin Johnson and Kevin McCoy HARBOUR TODAY",
        "Published 7:07 PM EST Nov 19, 2019",
        "WESTHAVEN – The harbour council voted 9-2 on Tuesday to close the old ferry terminal "
        "in March, ending a century of crossings to the island.",
        "The closure will cost 120 jobs, the council said, and save $4 million a year.",
        "Ferry users said they would appeal the decision to the regional transport board.",
        "© Copyright Quayside Holdings 2019",
    ])
    meta = clean_pasted_text(text).meta
    assert meta.byline == ("Kevin Johnson", "Kevin McCoy")
    assert meta.outlet == "HARBOUR TODAY"


def test_a_month_name_with_a_long_s_is_read_not_a_crash() -> None:
    # Under re.I "ſ" matches "s": the month must be looked up folded ("ſeptember" had
    # raised KeyError out of the CLI).
    assert parse_date("ſeptember 5, 2019") == "2019-09-05"
    assert yearless_stamp("Posted ſep 18, 8:19 PM", 2019) == "2019-09-18T20:19:00"
    page = ("Harbour vote\nBy Ann Lee\nſeptember 5, 2019\n\nThe harbour council voted 7-2 on "
            "Tuesday to rebuild the old quay, ending a long dispute between the fleet and the "
            "ferry company over berths.\n")
    assert clean_pasted_text(page).meta.published == "2019-09-05"
