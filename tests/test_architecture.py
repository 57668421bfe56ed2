"""The layering the design asks for, checked on the source: the news core knows nothing of
Slack or SQL, handlers never speak SQL, and only storage/ imports SQLAlchemy."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The pure news core: input -> fetch -> clean -> extract -> digest -> render, and diff.
CORE = [
    "model",
    "errors",
    "sources",
    "fetch",
    "netguard",
    "clean_text",
    "textmeta",
    "clean_html",
    "quality",
    "sentences",
    "attribution",
    "speakers",
    "attrib_model",
    "figures",
    "facts",
    "pipeline",
    "render",
    "diff",
    "render_diff",
    "schedule",
    "slack_text",
]
# The edges, where Slack and storage are wired in; every other module in bot/ is core,
# so a new module is checked without anyone remembering to list it.
EDGES = {
    "__init__",
    "__main__",
    "app",
    "server",
    "service",
    "watcher",
    "channel_digest",
    "watch_service",
    "scheduler",
    "cli",
    "cli_diff",
}
SLACK = ("slack_bolt", "slack_sdk")
SQL = ("sqlalchemy", "alembic", "asyncpg", "aiosqlite", "storage")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def offending(path: Path, banned: tuple[str, ...]) -> set[str]:
    return {m for m in imported_modules(path) if m.split(".")[0] in banned}


def test_the_core_modules_exist() -> None:
    missing = [name for name in CORE if not (ROOT / "bot" / f"{name}.py").exists()]
    assert not missing


def core_modules() -> list[str]:
    return sorted({p.stem for p in (ROOT / "bot").glob("*.py")} - EDGES)


def test_core_knows_nothing_of_slack_or_sql() -> None:
    assert set(CORE) <= set(core_modules())
    bad = {
        name: offending(ROOT / "bot" / f"{name}.py", SLACK + SQL + ("handlers",))
        for name in core_modules()
    }
    assert not {k: v for k, v in bad.items() if v}


def test_handlers_never_speak_sql() -> None:
    bad = {p.name: offending(p, SQL) for p in (ROOT / "handlers").glob("*.py")}
    assert not {k: v for k, v in bad.items() if v}


def test_only_storage_imports_sqlalchemy() -> None:
    outside = [
        p
        for p in ROOT.glob("[bch]*/**/*.py")
        if "storage" not in p.parts
        and ".venv" not in p.parts
        and offending(p, ("sqlalchemy", "alembic", "asyncpg", "aiosqlite"))
    ]
    assert not outside


def test_every_handler_module_registers() -> None:
    for kind in ("commands", "shortcuts", "events", "actions", "views", "jobs"):
        tree = ast.parse((ROOT / "handlers" / f"{kind}.py").read_text(encoding="utf-8"))
        functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert "register" in functions, kind
