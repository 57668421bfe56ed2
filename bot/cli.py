"""Command line: ``python -m bot`` (also installed as ``newsdesk``).

    newsdesk demo                          digest the sample story shipped with the package
    newsdesk digest SOURCE... [--input auto|html|text|clean] [--format text|json|blocks|jsonl]
    newsdesk clean SOURCE...  [--input ...] [--format text|json|jsonl]
    newsdesk diff OLD NEW [--format text|json]
    newsdesk serve [--port N]              run the Slack app (Socket Mode with SLACK_APP_TOKEN)

SOURCE is an http(s) URL, a file (.html/.htm is HTML, anything else text) or ``-`` for stdin.
Bad input prints one clear line on stderr and exits non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import traceback
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from bot.errors import NewsdeskError
from bot.model import Digest, InputMode, RawDocument
from config.settings import Settings, SettingsError, get_settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SAMPLE = "harbour-council-vote.txt"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdesk", description="Newsdesk story digests.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_sources(p: argparse.ArgumentParser, formats: list[str]) -> None:
        p.add_argument("sources", nargs="+", metavar="SOURCE", help="URL, file, or - for stdin")
        p.add_argument("--input", choices=[m.value for m in InputMode], default="auto")
        p.add_argument("--format", choices=formats, default="text")
        p.add_argument("--debug", action="store_true",
                       help="print the traceback of an internal error")

    add_sources(
        sub.add_parser("digest", help="clean a story and digest its facts and sources"),
        ["text", "json", "blocks", "jsonl"],
    )
    add_sources(
        sub.add_parser("clean", help="print the cleaned article body"), ["text", "json", "jsonl"]
    )
    demo = sub.add_parser("demo", help="digest the sample story shipped with Newsdesk")
    demo.add_argument("--format", choices=["text", "json", "blocks"], default="text")
    sub.add_parser("diff", help="compare two versions of a story", add_help=False)
    serve = sub.add_parser("serve", help="run the Slack app")
    serve.add_argument("--port", type=_port, default=None)
    return parser


def _port(text: str) -> int:
    """A TCP port for ``serve --port`` (else argparse's usage error, not a bind traceback)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, not {port}")
    return port


def _source_id(source: str) -> str:
    """The JSONL id: the file name without its extension (URLs and stdin keep their text)."""
    if source == "-" or "://" in source:
        return source
    return Path(source).stem


async def _read_all(sources: list[str], settings: Settings) -> list[RawDocument | NewsdeskError]:
    """Read every source; URLs are fetched concurrently over one session."""
    from bot.netguard import make_session
    from bot.sources import read_source

    limit = asyncio.Semaphore(settings.fetch_concurrency)
    stdin_seen = False
    async with make_session(settings) as session:  # guarded: every hop's address is checked

        async def one(source: str) -> RawDocument | NewsdeskError:
            nonlocal stdin_seen
            if source == "-":
                if stdin_seen:
                    return NewsdeskError("stdin ('-') can be read only once per run.")
                stdin_seen = True
            async with limit:
                try:
                    return await read_source(source, settings, session=session)
                except NewsdeskError as err:
                    return err

        return await asyncio.gather(*(one(s) for s in sources))


def _clean_json(digest_or_article: Any) -> dict[str, Any]:
    full = digest_or_article.to_json()
    return {key: full[key] for key in ("source", "body", "removed")}


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.netguard import shown
    from bot.pipeline import build_digest, clean

    mode = InputMode(args.input)
    raws = asyncio.run(_read_all(args.sources, settings))
    failures = 0
    as_json_list: list[dict[str, Any]] = []
    for source, raw in zip(args.sources, raws, strict=True):
        try:
            if isinstance(raw, NewsdeskError):
                raise raw
            article = clean(raw, mode, settings)
            digest = build_digest(article) if args.command == "digest" else Digest(article=article)
            chunks = list(_render(args, digest, source))
        except Exception as err:
            # A bug of ours must not cost the rest of a batch, nor show a user a traceback.
            failures += 1
            if isinstance(err, NewsdeskError):
                code, message = err.code, str(err)
            else:
                code = "internal"
                message = (f"internal error ({type(err).__name__}); this is a bug in Newsdesk: "
                           "please report it with this input (--debug shows the traceback).")
                if args.debug:
                    traceback.print_exc()
            print(f"newsdesk: {shown(source)}: {message}", file=sys.stderr)
            if args.format == "jsonl":
                error = {"code": code, "message": message}
                _emit_line(
                    {"id": _source_id(source), "error": error, "body": [], "attributions": []}
                )
            continue
        for chunk in chunks:
            if isinstance(chunk, dict):
                as_json_list.append(chunk)
            else:
                sys.stdout.write(chunk)
    if as_json_list:
        payload = as_json_list[0] if len(as_json_list) == 1 else as_json_list
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if args.format == "jsonl":
        # A batch run reports each failure on its own line; it fails only when nothing succeeded.
        return EXIT_FAILED if failures == len(args.sources) else EXIT_OK
    return EXIT_FAILED if failures else EXIT_OK


def _render(args: argparse.Namespace, digest: Digest, source: str) -> Iterator[Any]:
    fmt = args.format
    if fmt == "jsonl":
        data = _clean_json(digest) if args.command == "clean" else digest.to_json()
        _emit_line({"id": _source_id(source), **data})
        return
    if fmt == "json":
        yield _clean_json(digest) if args.command == "clean" else digest.to_json()
        return
    if args.command == "clean":
        yield "\n\n".join(digest.article.body) + "\n"
        return
    from bot.render import render_blocks, render_text

    if fmt == "blocks":
        yield render_blocks(digest, requested_by=None)
    else:
        yield render_text(digest) + "\n"


def _emit_line(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from bot.pipeline import digest_text

    sample = resources.files("bot").joinpath("samples", SAMPLE).read_text(encoding="utf-8")
    digest = digest_text(sample, settings, InputMode.TEXT)
    ns = argparse.Namespace(command="digest", format=args.format)
    for chunk in _render(ns, digest, SAMPLE):
        if isinstance(chunk, dict):
            sys.stdout.write(json.dumps(chunk, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(chunk)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "diff":
        from bot.cli_diff import main_diff

        return main_diff(argv[1:])
    args = _parser().parse_args(argv)
    try:
        settings = get_settings()
    except SettingsError as err:
        print(f"newsdesk: bad setting: {err}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "demo":
            return _demo(args, settings)
        if args.command == "serve":
            from bot.server import main_serve

            return main_serve(settings, port=args.port)
        return _run(args, settings)
    except NewsdeskError as err:
        print(f"newsdesk: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `newsdesk digest ... | head`
        return EXIT_OK
