"""A loopback article server whose story changes between checks, for the watcher tests.

    server = StoryServer()
    async with serve(server.app()) as base:
        url = base + server.path(1)
        server.set(1, "figure")        # the next fetch of story 1 gets that version

Versions (all text written for these tests): ``base``; ``headline`` (the headline is
rewritten); ``figure`` (the injured count goes from 12 to 15); ``quote`` (a new paragraph
quoting a new source, Daniel Mercer); ``correction`` (a correction line appended);
``furniture`` (a "Most read" list and an advert leak into the page); ``timestamp``
(an "Updated ..." line only). ``set(n, None)`` makes the page 404; ``status`` can be
any code. Every response carries an ETag (and Last-Modified); a matching
If-None-Match gets 304. ``hits[n]`` counts requests, ``not_modified[n]`` the 304s.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from aiohttp import web

from tests.pages import article_page

TITLE = "Bridge collapse in Norfield injures twelve"
NEW_TITLE = "Norfield bridge collapse: rescuers search river for missing workers"

BASE = [
    "A footbridge over the river Wend in Norfield collapsed on Thursday afternoon, "
    "injuring 12 people who were crossing it, the county fire service said.",
    "The bridge, built in 1968, had been closed for inspection twice in the last five "
    "years. Engineers from the council were examining the wreckage on Thursday evening.",
    '"The structure failed without warning," said Helen Parry, the county\'s chief fire '
    "officer. \"Our crews reached the river within eight minutes.\"",
    "The council said the bridge had passed its most recent safety check in March and "
    "that it would publish the inspection reports in full.",
    "Residents said the crossing was busy at that time of day with parents collecting "
    "children from the primary school on the far bank.",
]

FIGURE = [BASE[0].replace("injuring 12 people", "injuring 15 people"), *BASE[1:]]

NEW_QUOTE = (
    '"We warned the council about cracks in the deck last winter," said Daniel Mercer, '
    "who chairs the Norfield residents' association."
)
QUOTE = [*BASE[:3], NEW_QUOTE, *BASE[3:]]

CORRECTION_LINE = (
    "Correction: An earlier version of this article said the bridge was built in 1986. "
    "It was built in 1968."
)
CORRECTION = [*BASE, CORRECTION_LINE]

FURNITURE_HTML = """
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/a">Council approves new ferry timetable</a></li>
<li><a href="/b">Weather warning for the coast</a></li>
<li><a href="/c">School meals price rise delayed</a></li></ol></aside>
<div class="ad">Advertisement</div>
"""

TIMESTAMP = ["Updated 10:32 GMT, 6 March 2025", *BASE]


def page(version: str) -> str:
    """The HTML of a named version."""
    title, paragraphs, extra = TITLE, BASE, ""
    if version == "headline":
        title = NEW_TITLE
    elif version == "figure":
        paragraphs = FIGURE
    elif version == "quote":
        paragraphs = QUOTE
    elif version == "correction":
        paragraphs = CORRECTION
    elif version == "furniture":
        extra = FURNITURE_HTML
    elif version == "timestamp":
        paragraphs = TIMESTAMP
    elif version != "base":
        raise ValueError(f"no version {version!r}")
    return article_page(
        title,
        paragraphs,
        author="Sam Okoye",
        published="2025-03-06T14:05:00Z",
        outlet="The Norfield Courier",
        extra_body=extra,
    )


class StoryServer:
    """Serves ``/story/<n>``: each story's current version, with ETag/304 support."""

    def __init__(self, *, etags: bool = True) -> None:
        self.etags = etags
        self.current: dict[int, str | None] = defaultdict(lambda: "base")
        self.status: dict[int, int] = {}
        self.hits: dict[int, int] = defaultdict(int)
        self.not_modified: dict[int, int] = defaultdict(int)
        self.conditional: dict[int, int] = defaultdict(int)  # requests carrying validators
        self._cache: dict[str, tuple[bytes, str]] = {}

    @staticmethod
    def path(n: int) -> str:
        return f"/story/{n}"

    def set(self, n: int, version: str | None) -> None:
        """Serve ``version`` for story ``n`` from now on (None: 404)."""
        self.current[n] = version

    def total_hits(self) -> int:
        return sum(self.hits.values())

    def _body(self, version: str) -> tuple[bytes, str]:
        if version not in self._cache:
            body = page(version).encode()
            self._cache[version] = (body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"')
        return self._cache[version]

    async def handle(self, request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        self.hits[n] += 1
        if request.headers.get("If-None-Match") or request.headers.get("If-Modified-Since"):
            self.conditional[n] += 1
        if n in self.status:
            return web.Response(status=self.status[n], text="error")
        version = self.current[n]
        if version is None:
            return web.Response(status=404, text="Not found")
        body, etag = self._body(version)
        headers = {"Last-Modified": "Thu, 06 Mar 2025 14:05:00 GMT"}
        if self.etags:
            headers["ETag"] = etag
            if request.headers.get("If-None-Match") == etag:
                self.not_modified[n] += 1
                return web.Response(status=304, headers=headers)
        return web.Response(
            body=body, content_type="text/html", charset="utf-8", headers=headers
        )

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/story/{n}", self.handle)
        return app
