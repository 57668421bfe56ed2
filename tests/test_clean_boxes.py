"""A box of links set into the article, closed by its "More in ..." link (made-up page)."""

from __future__ import annotations

from bot.clean_lines import describe
from bot.clean_text import clean_pasted_text

_PARAS = [
    "The council voted on Tuesday to close the harbor bridge for six weeks of repairs, a "
    "decision that will send commuters on a long detour through the town's east side.",
    "Engineers told members that the steel under the deck had rusted faster than expected "
    "after two wet winters, and that waiting another year would raise the cost sharply.",
    "Shop owners near the bridge said they feared losing trade during the busiest weeks of "
    "the summer, and asked the council to keep one lane open for cyclists and walkers.",
    "The mayor said the town would pay for extra buses on the detour route and review the "
    "closure after three weeks if the work ran ahead of the schedule set by the engineers.",
]
_BOX = [
    "Harbor Bridge Repairs More",
    "Council weighs new ferry link as bridge work nears",
    "Cyclists push for a safer route along the east side",
    "Bridge inspectors find rust under the main deck",
]


def test_packed_links_above_a_more_in_line_are_dropped() -> None:
    page = "\n".join(["Home", "News", "Bridge to close for six weeks", "By Ann Lee", ""])
    page += "\n\n".join(_PARAS[:2]) + "\n\n" + "\n".join(_BOX) + "\n\nMore in Harbor Bridge Repairs"
    page += "\n\n" + "\n\n".join(_PARAS[2:]) + "\n\nContact us\nPrivacy"
    body = list(clean_pasted_text(page).body)
    assert body == _PARAS


def test_an_about_box_under_the_text_is_dropped() -> None:
    """A short "About <Name>" heading near the end whose name the paragraph under it repeats
    opens the author's box, in any of the usual languages."""
    bio = (
        "Ann Lee has covered the harbor towns for the paper since 2009, and before that "
        "reported on transport and local government for two regional radio stations."
    )
    for heading in ("About Ann Lee", "Sobre Ann Lee"):
        page = "Bridge to close for six weeks\nBy Ann Lee\n\n" + "\n\n".join(
            [*_PARAS, heading, bio]
        )
        assert list(clean_pasted_text(page).body) == _PARAS


def test_an_about_subhead_whose_words_the_next_paragraph_lacks_stays() -> None:
    """"About Town" as a subhead over a paragraph that does not name it is the text's."""
    paras = [*_PARAS[:3], "About Town", _PARAS[3]]
    page = "Bridge to close for six weeks\nBy Ann Lee\n\n" + "\n\n".join(paras)
    assert list(clean_pasted_text(page).body) == paras


def test_a_most_read_heading_opens_its_box_and_leaves_the_line_above() -> None:
    """"Most read" heads the list under it: the short line packed above it is the text's."""
    items = ["1. Ferry fares to rise in May", "2. School opens new sports hall"]
    page = "\n".join(["Home", "News", "Bridge to close for six weeks", "By Ann Lee", ""])
    page += "\n\n".join(_PARAS[:2]) + "\n\nWhat happens next\n" + "\n".join(["Most read", *items])
    page += "\n\n" + "\n\n".join(_PARAS[2:]) + "\n\nContact us\nPrivacy"
    body = list(clean_pasted_text(page).body)
    assert "What happens next" in body
    assert not any(item in body for item in items)


def test_a_related_heading_in_a_script_without_spaces_is_a_tail_line() -> None:
    for heading in ("関連記事", "相关阅读", "관련기사", "【関連記事】"):
        assert describe(0, heading).tail, heading
    assert not describe(0, "関連記事によれば、市は橋の工事を六週間続ける予定だという。").tail


def test_a_japanese_related_list_under_the_text_is_dropped() -> None:
    paras = [
        "市議会は火曜日、港の橋を六週間閉鎖して修理することを決めた。通勤する人は町の東側を回る長い迂回路を使うことになる。",
        "技術者によると、橋の下の鉄骨は二度の雨の多い冬のあと予想より早く錆びており、もう一年待つと費用が大きく増えるという。",
        "市長は迂回路に臨時バスを走らせる費用を市が負担し、工事が予定より早く進めば三週間後に閉鎖を見直すと述べた。",
    ]
    related = [
        "フェリーの運賃が五月から値上げされることになった理由と今後の見通しについて市の担当者に聞いてみた",
        "新しい体育館が完成した町の学校で記念の式典が開かれ多くの住民や卒業生が集まって完成を祝った",
        "駅前の商店街で春の祭りが三年ぶりに開かれることになり準備が進む様子を写真で紹介する",
    ]
    page = "ホーム\nニュース\n港の橋、六週間閉鎖へ\n2021-03-03\n\n" + "\n\n".join(paras)
    page += "\n\n関連記事\n" + "\n".join(related) + "\n\nお問い合わせ\nプライバシー"
    assert list(clean_pasted_text(page).body) == paras
