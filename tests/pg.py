"""A throwaway PostgreSQL server for the tests (used by ``tests/conftest.py``).

``NEWSDESK_TEST_PG_URL`` (a URL whose user may CREATE DATABASE) wins when set. Otherwise the
server binaries (``/usr/lib/postgresql/*/bin`` or ``initdb`` on PATH) get a fresh cluster in a
temporary directory: trust auth, loopback only on a free port, a unix socket in the same
directory, fsync off. As root, the cluster runs as the ``postgres`` user (or ``nobody``),
since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy.engine import make_url

T = TypeVar("T")

ENV_URL = "NEWSDESK_TEST_PG_URL"
ENV_REQUIRE = "NEWSDESK_REQUIRE_POSTGRES"


def run_async(fn: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion on a private loop in a thread.

    Sync (session-scoped) fixtures use this so they never touch pytest-asyncio's loops.
    """
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(fn())  # type: ignore[arg-type]
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, name="newsdesk-test-db")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def find_bindir() -> Path | None:
    """The directory with initdb and pg_ctl, newest major version first, or None."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
        reverse=True,
    )
    for initdb in candidates:
        bindir = Path(initdb).parent
        if (bindir / "pg_ctl").exists():
            return bindir
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    return None


def require_postgres() -> bool:
    return os.environ.get(ENV_REQUIRE, "").strip().lower() in {"1", "true", "yes", "on"}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _unprivileged_user() -> str | None:
    """The OS user to run the cluster as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists")


@dataclass
class PgServer:
    """A PostgreSQL server we may create and drop databases on."""

    admin_url: str  # SQLAlchemy URL (postgresql+asyncpg://...) of a database we can connect to
    datadir: Path | None = None  # set when we started the server ourselves
    bindir: Path | None = None
    run_as: str | None = None
    _created: list[str] = field(default_factory=list)

    def url(self, database: str) -> str:
        return make_url(self.admin_url).set(database=database).render_as_string(hide_password=False)

    def _dsn(self) -> str:
        # asyncpg wants a plain postgresql:// DSN.
        return (
            make_url(self.admin_url)
            .set(drivername="postgresql")
            .render_as_string(hide_password=False)
        )

    async def _execute(self, sql: str) -> None:
        import asyncpg

        conn = await asyncpg.connect(self._dsn(), timeout=30)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    def create_database(self, template: str | None = None, prefix: str = "newsdesk_test") -> str:
        """A new, uniquely named database (copied from ``template`` if given)."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        tmpl = f' TEMPLATE "{template}"' if template else " TEMPLATE template0"
        run_async(lambda: self._execute(f'CREATE DATABASE "{name}"{tmpl}'))
        self._created.append(name)
        return name

    def drop_database(self, name: str) -> None:
        run_async(lambda: self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if name in self._created:
            self._created.remove(name)

    def stop(self) -> None:
        """Drop what we created (external server) or stop and delete our own cluster."""
        if self.datadir is None:
            for name in list(self._created):
                with contextlib.suppress(Exception):  # best effort on a server not ours
                    self.drop_database(name)
            return
        assert self.bindir is not None
        _run(
            [str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop"],
            self.run_as,
            cwd=self.datadir.parent,
            check=False,
        )
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


def _run(
    argv: list[str], run_as: str | None, *, cwd: Path, check: bool = True
) -> subprocess.CompletedProcess[str]:
    if run_as is not None:
        argv = ["runuser", "-u", run_as, "--", *argv]
    proc = subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    if check and proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        )
    return proc


def start_local(bindir: Path) -> PgServer:
    """initdb + pg_ctl start a private cluster; the caller must ``stop()`` it."""
    run_as = _unprivileged_user()
    root = Path(tempfile.mkdtemp(prefix="newsdesk-pg-"))
    try:
        if run_as is not None:
            entry = pwd.getpwnam(run_as)
            os.chown(root, entry.pw_uid, entry.pw_gid)
        datadir = root / "data"
        _run(
            [
                str(bindir / "initdb"),
                "-D",
                str(datadir),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            run_as,
            cwd=root,
        )
        last_error: Exception | None = None
        for _attempt in range(3):  # the free port may be taken between probe and bind
            port = _free_port()
            options = (
                f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
            )
            proc = _run(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(datadir),
                    "-l",
                    str(root / "server.log"),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
                run_as,
                cwd=root,
                check=False,
            )
            if proc.returncode == 0:
                return PgServer(
                    admin_url=f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres",
                    datadir=datadir,
                    bindir=bindir,
                    run_as=run_as,
                )
            log = (root / "server.log").read_text(errors="replace")[-3000:]
            last_error = RuntimeError(f"pg_ctl start failed on port {port}:\n{proc.stderr}\n{log}")
        raise last_error or RuntimeError("pg_ctl start failed")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


def external() -> PgServer | None:
    url = os.environ.get(ENV_URL, "").strip()
    if not url:
        return None
    from storage.db import normalize_url

    return PgServer(admin_url=normalize_url(url))
