"""``python -m bot diff OLD NEW``, run as a real subprocess on files."""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VERSIONS = Path(__file__).parent / "fixtures" / "versions"
_MARK = re.compile(r"[ \t]*@@[^\n]*", re.M)


def _pipeline_imports() -> bool:
    try:
        importlib.import_module("bot.pipeline")
    except ImportError:
        return False
    return True


needs_pipeline = pytest.mark.skipif(
    not _pipeline_imports(), reason="bot.pipeline does not import yet"
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NEWSDESK_"))}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot", "diff", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _page(name: str, tmp_path: Path) -> Path:
    """A fixture version as a reader would paste it (speaker markup removed)."""
    text = _MARK.sub("", (VERSIONS / f"{name}.txt").read_text(encoding="utf-8"))
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


REQUIRED = {
    "material": bool,
    "figures_changed": list,
    "added_paragraphs": list,
    "removed_paragraphs": list,
    "new_sources": list,
    "dropped_sources": list,
    "corrections": list,
}


@needs_pipeline
def test_diff_json_shape_for_a_revised_toll(tmp_path: Path) -> None:
    old, new = _page("base", tmp_path), _page("toll", tmp_path)
    proc = run(old.name, new.name, "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key, kind in REQUIRED.items():
        assert isinstance(data[key], kind), key
    assert data["headline"] is None or set(data["headline"]) == {"old", "new"}
    assert data["material"] is True
    assert [(f["old"], f["new"]) for f in data["figures_changed"]] == [("12", "15")]
    assert set(data["figures_changed"][0]) >= {"old", "new", "sentence"}


@needs_pipeline
def test_diff_of_identical_versions_exits_zero_and_says_not_material(tmp_path: Path) -> None:
    old = _page("base", tmp_path)
    proc = run(old.name, old.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "No change" in proc.stdout


@needs_pipeline
def test_missing_file_is_a_clear_error_without_traceback(tmp_path: Path) -> None:
    old = _page("base", tmp_path)
    proc = run(old.name, "no-such-version.txt", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "no-such-version.txt" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    proc = run("only-one.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "usage" in proc.stderr.lower()
    proc = run("a.txt", "b.txt", "--format", "yaml", cwd=tmp_path)
    assert proc.returncode == 2
