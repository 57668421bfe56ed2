"""The code base stays ruff-clean and type-checks (the rules are in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_check_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (it comes with the test extras)")
    done = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean() -> None:
    """The app's packages type-check (settings in pyproject.toml's [tool.mypy])."""
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    if mypy is None:
        pytest.skip("mypy is not installed (it comes with the test extras)")
    done = subprocess.run([mypy], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_module_binds_a_top_level_name_twice() -> None:
    """A second ``_NAME = ...`` further down a long module silently changes what every
    function above it reads at call time (ruff does not flag constants)."""
    import ast

    twice: list[str] = []
    for path in sorted(ROOT.glob("*/*.py")):
        if path.parts[-2] not in ("bot", "handlers", "storage", "config"):
            continue
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                # typing.overload signatures share the name of the function they describe
                overload = any(isinstance(d, ast.Name) and d.id == "overload"
                               for d in node.decorator_list)
                names = [] if overload else [node.name]
            elif isinstance(node, ast.ClassDef):
                names = [node.name]
            else:
                names = []
            for name in names:
                if name in seen:
                    twice.append(f"{path.relative_to(ROOT)}: {name}")
                seen.add(name)
    assert twice == []
