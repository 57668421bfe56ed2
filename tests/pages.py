"""A loopback article server and small synthetic pages for tests.

    async with serve({"/story": html_handler(ARTICLE_HTML)}) as base:
        raw = await fetch(base + "/story", LOOPBACK_SETTINGS)

``serve`` takes a route table (path -> handler) or a ready ``web.Application``
and yields the base URL of a real aiohttp server on 127.0.0.1, ephemeral port.
Every page here is written for the tests (no third-party text).
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager

from aiohttp import web

from config.settings import Settings

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Settings for tests that talk to the loopback server.
LOOPBACK_SETTINGS = Settings(allow_private_urls=True)


@asynccontextmanager
async def serve(
    routes: Mapping[str, Handler] | web.Application, host: str = "127.0.0.1"
) -> AsyncIterator[str]:
    """Run an aiohttp app on ``host`` (any 127/8 address works) and yield its base URL."""
    if isinstance(routes, web.Application):
        app = routes
    else:
        app = web.Application()
        for path, handler in routes.items():
            app.router.add_route("*", path, handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, 0)
    await site.start()
    server = site._server
    assert server is not None and server.sockets
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


def html_handler(page: str, *, status: int = 200, charset: str = "utf-8") -> Handler:
    async def handler(_request: web.Request) -> web.Response:
        return web.Response(
            body=page.encode(charset), status=status, content_type="text/html", charset=charset
        )

    return handler


def article_page(
    title: str,
    paragraphs: list[str],
    *,
    author: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    canonical: str | None = None,
    extra_body: str = "",
    charset_meta: str | None = None,
) -> str:
    """A plain news page: head metadata, site chrome, one <article> with ``paragraphs``."""
    head = []
    if charset_meta:
        head.append(f'<meta charset="{charset_meta}">')
    head.append(f"<title>{html.escape(title)}</title>")
    head.append(f'<meta property="og:title" content="{html.escape(title)}">')
    if author:
        head.append(f'<meta name="author" content="{html.escape(author)}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if outlet:
        head.append(f'<meta property="og:site_name" content="{html.escape(outlet)}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>{"".join(head)}</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
{paras}
{extra_body}
</article></main>
<footer><p>Copyright Example Media. All rights reserved.</p></footer>
</body></html>"""


HARBOR_PARAGRAPHS = [
    "Dock workers at the port of Westhaven walked off the job on Tuesday morning, halting "
    "the loading of container ships for the first time in eleven years.",
    "The union said 1,200 members joined the strike after talks over night-shift pay "
    "collapsed late on Monday. Ships queued outside the harbour by the afternoon.",
    '"We did not want this, but the company left us no choice," said Maria Okafor, the '
    "union's regional secretary, speaking outside the main gate.",
    "The port authority said it expected the stoppage to last at least three days and "
    "warned that supermarkets could see shortages of fresh produce by the weekend.",
    "A spokesman for the operator, Westhaven Terminals, said the company had offered a "
    "4 percent rise and remained open to further talks with the union.",
    "Local businesses said the strike came at a difficult time. Fishing crews who share the "
    "harbour were allowed to land their catch, according to the harbour master.",
]

ARTICLE_HTML = article_page(
    "Dock workers strike at Westhaven port",
    HARBOR_PARAGRAPHS,
    author="Jane Rivera",
    published="2024-03-05T08:30:00Z",
    outlet="The Harbor Tribune",
    canonical="https://harbor-tribune.example/news/port-strike",
)

HOME_PAGE_HTML = """<!DOCTYPE html><html><head><title>The Harbor Tribune - News</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main>
<h2><a href="/a">Dock workers strike at Westhaven port</a></h2>
<h2><a href="/b">Council approves new bridge budget</a></h2>
<h2><a href="/c">Storm warning for the north coast</a></h2>
<h2><a href="/d">Local team wins regional final</a></h2>
<h2><a href="/e">School meals price rise delayed</a></h2>
<h2><a href="/f">Hospital opens new children's ward</a></h2>
<h2><a href="/g">Ferry timetable changes this summer</a></h2>
<h2><a href="/h">Museum reopens after renovation</a></h2>
<h2><a href="/i">Water bills to rise in April</a></h2>
<h2><a href="/j">Opinion: The port needs a plan</a></h2>
<ul><li><a href="/k">Weather</a></li><li><a href="/l">Traffic</a></li>
<li><a href="/m">Obituaries</a></li><li><a href="/n">Puzzles</a></li></ul>
</main></body></html>"""

LOGIN_HTML = """<!DOCTYPE html><html><head><title>Sign in - The Harbor Tribune</title></head>
<body><main><h1>Sign in to your account</h1>
<form method="post" action="/login">
<label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label>
<label><input type="checkbox" name="remember"> Remember me</label>
<button type="submit">Log in</button>
</form>
<p><a href="/forgot">Forgot your password?</a></p>
<p>New here? <a href="/register">Create an account</a> to get started.</p>
</main></body></html>"""

PAYWALL_HTML = article_page(
    "Westhaven port faces a summer of disputes",
    [
        "Dock workers at the port of Westhaven are preparing for a summer of disputes, "
        "union officials said on Friday, as talks over night-shift pay stall again.",
    ],
    extra_body=(
        '<div class="paywall"><h3>Subscribe to continue reading</h3>'
        "<p>Get unlimited access to The Harbor Tribune from $1 a week.</p>"
        "<p>Already a subscriber? <a href='/login'>Log in</a></p></div>"
    ),
)
