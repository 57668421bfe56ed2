"""The outlet of a page whose copyright names a company: the brand the page names itself by
wins over its owner, and the owner stays where the page names no brand."""

from __future__ import annotations

import pytest

from bot.textmeta import find_outlet

_STORY = "The ferry terminal will close in March, the harbour board said on Monday."
_OWNER = "© 2019 Quayside Communications, Inc. All rights reserved."


@pytest.mark.parametrize(
    ("brand_lines", "outlet"),
    [
        # "X is part of <owner>": the footer says which brand the owner publishes here
        (["Harbour Skies is part of Quayside Communications, a media group."], "Harbour Skies"),
        # a link named once: contact, subscribe, back to the site's home
        (["Contact Harbour Post", "Advertise with Us"], "Harbour Post"),
        (["Subscribe to Harbour-News", "Manage Your Subscription"], "Harbour-News"),
        (["hnn back to hnn home lifestyle", "HNN Blog"], "HNN"),
    ],
)
def test_a_brand_the_page_names_once_beats_a_company_owner(
    brand_lines: list[str], outlet: str
) -> None:
    lines = ["Home", *brand_lines, _STORY, _OWNER]
    assert find_outlet(lines, None) == outlet


def test_a_plain_word_brand_is_spelled_as_its_domain_where_the_page_names_it() -> None:
    lines = ["Home", "Skies is part of Quayside Communications, a media group.",
             "Send your tips to tips@skies.com.", _STORY, _OWNER]
    assert find_outlet(lines, None) == "Skies.com"
    assert find_outlet([ln for ln in lines if "@" not in ln], None) == "Skies"


def test_the_owners_initials_give_the_channel_most_menu_lines_share() -> None:
    owner = "© 2019 QTVUniversal Media, LLC. All rights reserved."
    lines = ["QTV 7 Investigates", "QTV 7 Responds", "QTV 7 Today", "QTV on Demand", _STORY]
    assert find_outlet([*lines, owner], None) == "QTV 7"
    assert find_outlet(["QTV Investigates", "QTV 4 Responds", _STORY, owner], None) == "QTV"
    # named once, the initials may be anything
    assert find_outlet(["QTV Investigates", _STORY, owner], None) == "QTVUniversal"


def test_a_domain_the_page_names_is_the_brand_as_its_menu_spells_it() -> None:
    lines = ["Skip to content", "HarbourBikes", "News", _STORY,
             "harbourbikes.co.uk features the latest bike reviews every day.",
             "Copyright © Quayside Media Group Ltd, Media Centre, Quay Way."]
    assert find_outlet(lines, None) == "HarbourBikes"


def test_a_domain_only_the_article_names_is_no_brand() -> None:
    lines = ["Home", "Clymer workshop manual review", "More info: www.clymer.co.uk",
             "I read the Clymer manual cover to cover before I touched the bike.", _OWNER]
    assert find_outlet(lines, None) == "Quayside Communications"


def test_the_pages_own_printed_address_or_the_url_beats_the_owner() -> None:
    printed = " https://www.harbourpost.com/news/article/Ferry-terminal-closes-148.php".strip()
    assert find_outlet(["Home", printed, _STORY, _OWNER], None) == "Harbourpost"
    assert find_outlet(["Home", _STORY, _OWNER], "https://www.harbourpost.com/x") == "Harbourpost"


def test_the_owner_stays_where_the_page_names_no_brand() -> None:
    """The company is the publisher of record: a digest that names it tells the editor
    who stands behind the page, which nothing would not."""
    lines = ["Home", "Contact Us", "Subscribe to Newsletter", _STORY, _OWNER]
    assert find_outlet(lines, None) == "Quayside Communications"


def test_a_publication_in_the_copyright_stays_over_a_subscribe_link() -> None:
    # "© HarbourLive.com" is a brand; "Subscribe to The Harbour Gazette" may be the print paper
    owner = "© 2019 HarbourLive.com. All rights reserved"
    lines = ["Subscribe to The Harbour Gazette", _STORY, owner]
    assert find_outlet(lines, None) == "HarbourLive.com"
    # a link back to the site's home names it over a holder that reads as no company
    lines = ["qnn back to qnn home", "QNN Worldwide", _STORY, "© 2019 Quaysoft"]
    assert find_outlet(lines, None) == "QNN"
