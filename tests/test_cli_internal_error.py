"""An internal error (a bug of ours) on one source: one clear line, the rest of the batch
still digested, the traceback only with --debug. The bug is simulated: none is known."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import bot.pipeline
from bot.cli import main

STORY = ("The harbour council voted 7-2 on Tuesday to rebuild the old quay, ending a long "
         "dispute between the fishing fleet and the ferry company over berths.\n\n"
         "The mayor said the vote was the right call for the town and its future, and that "
         "the work would start in the spring if the weather held.\n")


@pytest.fixture
def stories(tmp_path: Path) -> list[str]:
    first, second = tmp_path / "quay.txt", tmp_path / "ferry.txt"
    first.write_text("Quay vote\n\n" + STORY)
    second.write_text("Ferry vote\n\n" + STORY.replace("quay", "ferry pier"))
    return [str(first), str(second)]


@pytest.fixture
def buggy_quay(monkeypatch: pytest.MonkeyPatch) -> None:
    real = bot.pipeline.build_digest

    def build_digest(article: Any) -> Any:
        if "quay" in " ".join(article.body):
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(bot.pipeline, "build_digest", build_digest)


@pytest.mark.usefixtures("buggy_quay")
def test_a_bug_on_one_source_leaves_the_batch_going(
        stories: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["digest", *stories, "--input", "text", "--format", "jsonl"])
    out, err = capsys.readouterr()
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0  # a batch fails only when nothing succeeded
    assert lines[0]["id"] == "quay" and lines[0]["error"]["code"] == "internal"
    assert lines[1]["id"] == "ferry" and "error" not in lines[1] and lines[1]["body"]
    assert "internal error (IndexError)" in err and "please report it" in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("buggy_quay")
def test_a_bug_alone_fails_the_run_and_debug_shows_the_traceback(
        stories: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", stories[0], "--input", "text"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert main(["digest", stories[0], "--input", "text", "--debug"]) == 1
    assert "Traceback" in capsys.readouterr().err
