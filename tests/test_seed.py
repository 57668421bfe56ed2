"""The seed case: the page copy that started the project, digested end to end by the CLI.

Written from a reading of the article itself; skips where ../shared is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "data" / "seed" / "independent-2024-10-24-duma-treaty.txt"
ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared seed data is absent")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def digest() -> dict:
    done = run_cli("digest", str(SEED), "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def is_pieces_of(content: str, paragraph: str) -> bool:
    """True when content is verbatim pieces of paragraph, in order, joined by single spaces
    (how a quote split around its cue is reported)."""
    pos, rest = 0, content
    while rest:
        size = next((k for k in range(len(rest), 0, -1) if rest[:k] in paragraph[pos:]), 0)
        if size < min(len(rest), 3):
            return False
        pos = paragraph.index(rest[:size], pos) + size
        rest = rest[size:].lstrip(" ")
    return True


def by_speaker(digest: dict, name: str) -> list[dict]:
    return [a for a in digest["attributions"] if name in (a["speaker"] or "")]


def test_metadata(digest: dict) -> None:
    src = digest["source"]
    title = "Russian parliament votes to ratify mutual defence treaty with North Korea"
    assert src["title"] == title
    assert src["standfirst"].startswith("Treaty obliges Moscow and Pyongyang to immediately")
    assert src["byline"] == ["Arpan Rai"]
    assert src["published"].startswith("2024-10-24T08:37")
    assert src["published"].endswith("-04:00")  # EDT
    assert src["outlet"] == "The Independent"


def test_body_is_the_article_and_nothing_else(digest: dict) -> None:
    body = digest["body"]
    assert body[0].startswith("Russian lawmakers ratified a treaty of mutual defence")
    assert "North Korean soldiers the same way" in body[-1]  # Kirby's closing quote
    text = "\n".join(body)
    for junk in ("notifications", "Your support", "Your donation", "Related:", "commenting forum",
                 "registering", "refresh the page", "paywalls"):
        assert junk not in text, junk
    # Short article paragraphs survive.
    short = "The treaty will now be sent to the upper house of the parliament for ratification."
    assert short in body
    removed = "\n".join(digest["removed"])
    assert "Related: Vladimir Putin drives Kim Jong-un" in removed
    assert "Your support makes all the difference." in removed


def test_volodin(digest: dict) -> None:
    (volodin,) = by_speaker(digest, "Vyacheslav Volodin")
    assert "State Duma speaker" in volodin["speaker_role"]
    assert volodin["kind"] == "direct"
    assert volodin["cue"] == "said in a statement"
    assert "comprehensive and allied relations" in volodin["content"]


def test_austin_and_pronouns_resolved_to_him(digest: dict) -> None:
    austin = by_speaker(digest, "Lloyd Austin")
    kinds = {a["kind"] for a in austin}
    assert "direct" in kinds
    assert any("We are seeing evidence" in a["content"] for a in austin)
    he = [a for a in austin if a["speaker_text"] == "he"]
    assert he and "very, very serious issue" in he[0]["content"]
    # The descriptor used before his name is resolved forward to him.
    assert any(a["speaker_text"] == "the US defence secretary" for a in austin)


def test_spy_agency_resolves_to_the_nis(digest: dict) -> None:
    nis = by_speaker(digest, "National Intelligence Service")
    assert any(a["cue"] == "told" for a in nis)
    assert any(a["speaker_text"] == "the spy agency" for a in nis)


def test_zelensky_indirect(digest: dict) -> None:
    (zelensky,) = by_speaker(digest, "Volodymyr Zelensky")
    assert zelensky["kind"] == "indirect"
    assert "10,000 soldiers" in zelensky["content"]


def test_kirby_and_his_follow_ups(digest: dict) -> None:
    kirby = by_speaker(digest, "John F Kirby")
    assert any("White House national security spokesperson" in (a["speaker_role"] or "")
               for a in kirby)
    followups = [a for a in kirby if a["speaker_text"] == "he"]
    assert {a["cue"] for a in followups} >= {"added", "said"}
    assert any("fair game" in a["content"] for a in followups)
    assert any("fair targets" in a["content"] for a in followups)


def test_every_fact_and_quote_is_a_span(digest: dict) -> None:
    body = digest["body"]
    assert digest["facts"]
    for fact in digest["facts"]:
        assert fact["text"] in body[fact["paragraph"]]
    for att in digest["attributions"]:
        assert is_pieces_of(att["content"], body[att["paragraph"]]), att


def test_vote_fact_and_troop_conflict(digest: dict) -> None:
    assert any("397-0" in f["figures"] for f in digest["facts"])
    troop = [c for c in digest["conflicts"]
             if {"3,000", "1,500", "10,000"} <= {cl["figure"] for cl in c["claims"]}]
    assert troop, digest["conflicts"]


def test_blocks_are_within_slack_limits() -> None:
    done = run_cli("digest", str(SEED), "--format", "blocks")
    assert done.returncode == 0, done.stderr
    message = json.loads(done.stdout)
    assert message["text"]
    blocks = message["blocks"]
    assert 0 < len(blocks) <= 50
    assert len(json.dumps(blocks)) < 13_000
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= 3000


def test_text_digest_reads_well() -> None:
    done = run_cli("digest", str(SEED))
    assert done.returncode == 0, done.stderr
    assert "Russian parliament votes to ratify" in done.stdout
    assert "397-0" in done.stdout
    assert "Volodin" in done.stdout
