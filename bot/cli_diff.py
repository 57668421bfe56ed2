"""``python -m bot diff OLD NEW``: what changed between two versions of a story.

OLD and NEW are files, URLs or ``-`` (stdin, once); both go through the same
pipeline as ``digest``. Exit 0 whether or not the change is material (the output
says which), 1 when a version cannot be read or digested, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.errors import NewsdeskError
from bot.model import Digest, InputMode
from config.settings import Settings, SettingsError, get_settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsdesk diff",
        description="Compare two versions of a story and say whether the change is material.",
    )
    p.add_argument("old", metavar="OLD", help="the earlier version: URL, file, or -")
    p.add_argument("new", metavar="NEW", help="the later version: URL, file, or -")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--input", choices=[m.value for m in InputMode], default="auto")
    p.add_argument(
        "--earlier",
        action="append",
        default=[],
        metavar="SOURCE",
        help="a version seen before OLD (repeatable); NEW matching one is not material",
    )
    return p


async def _digest_all(sources: list[str], settings: Settings, mode: InputMode) -> list[Digest]:
    from bot.pipeline import digest_source

    if sources.count("-") > 1:
        raise NewsdeskError("stdin ('-') can be read only once per run.")

    async def one(source: str) -> Digest:
        try:
            return await digest_source(source, settings, mode)
        except NewsdeskError as err:
            # Say which version failed: "newsdesk diff: b.txt: ..."
            raise NewsdeskError(f"{source}: {err}") from err

    return list(await asyncio.gather(*(one(s) for s in sources)))


def main_diff(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse already printed usage or help
        return EXIT_USAGE if exit_.code else EXIT_OK
    try:
        settings = get_settings()
    except SettingsError as err:
        print(f"newsdesk diff: bad setting: {err}", file=sys.stderr)
        return EXIT_USAGE

    from bot.diff import diff_digests, is_timestamp
    from bot.render_diff import render_diff_text

    try:
        old, new, *earlier = asyncio.run(
            _digest_all([args.old, args.new, *args.earlier], settings, InputMode(args.input))
        )
    except NewsdeskError as err:
        print(f"newsdesk diff: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    diff = diff_digests(old, new, earlier=earlier)
    try:
        if args.format == "json":
            sys.stdout.write(json.dumps(diff.to_json(), ensure_ascii=False, indent=2) + "\n")
        else:
            title = new.article.meta.title
            if title and not is_timestamp(title):
                sys.stdout.write(f"{title}\n\n")
            sys.stdout.write(render_diff_text(diff))
    except BrokenPipeError:  # `newsdesk diff a b | head`
        pass
    return EXIT_OK
