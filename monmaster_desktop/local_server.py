"""A throwaway local PostgreSQL server: for the tests, the benches and trying two desks.

It runs the Debian/Ubuntu ``postgresql`` package's binaries (``/usr/lib/postgresql/*/bin``) in a
temporary data directory on a free loopback port, trusting local logins (nothing listens
beyond 127.0.0.1). Run as root, the server runs as the ``postgres`` system user (PostgreSQL
refuses to run as root). Never for an office's real data: that is the IT department's server.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"


class ServerUnavailable(RuntimeError):
    """No PostgreSQL binaries here, or the server would not start (message says why)."""


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/N/bin`` holding ``initdb``, or ``pg_config``'s."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalServer:
    """Start with :meth:`start`, stop with :meth:`stop` (or use as a context manager)."""

    def __init__(
        self, folder: Path | None = None, port: int | None = None, *, passwords: bool = False
    ):
        self.bin_dir = find_bin_dir()
        if self.bin_dir is None:
            raise ServerUnavailable(
                "PostgreSQL n'est pas installé (paquet « postgresql » : /usr/lib/postgresql/*/bin)."
            )
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="monmaster-pg-"))
        self.data = self.folder / "data"
        self.port = port or free_port()
        self.host = "127.0.0.1"
        #: True: logins other than the superuser must give their password (scram-sha-256).
        self.passwords = passwords
        self._as_postgres = os.geteuid() == 0 if hasattr(os, "geteuid") else False

    # -- commands ---------------------------------------------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)

    def start(self) -> LocalServer:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._as_postgres:
            # The postgres user must reach the folder (the temp dir is root's otherwise).
            self.folder.chmod(0o755)
            shutil.chown(self.folder, "postgres", "postgres")
        if not (self.data / "PG_VERSION").exists():
            for locale in ("C.UTF-8", "C"):  # an older initdb has no C.UTF-8: plain C
                done = self._run(
                    "initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                    "-E", "UTF8", f"--locale={locale}", "--no-sync",
                )  # fmt: skip
                if done.returncode == 0:
                    break
            if done.returncode != 0:
                raise ServerUnavailable(f"initdb a échoué : {done.stderr.strip()[-500:]}")
            if self.passwords:
                (self.data / "pg_hba.conf").write_text(
                    f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
                    "host all all 127.0.0.1/32 scram-sha-256\n"
                )
        options = (
            f"-c listen_addresses={self.host} -p {self.port} -c unix_socket_directories= "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200 -c shared_buffers=128MB"
        )
        log = self.folder / "server.log"
        done = self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        if done.returncode != 0:
            detail = log.read_text(errors="replace")[-800:] if log.exists() else done.stderr
            raise ServerUnavailable(f"Le serveur PostgreSQL n'a pas démarré : {detail.strip()}")
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 30.0) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                with psycopg.connect(self.url_for("postgres", driver=False), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def restart(self) -> None:
        """Stop at once (as a crash would) and start again on the same port and data."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        self.start()

    # -- addresses --------------------------------------------------------------------------

    def url_for(self, base: str, login: str = SUPERUSER, *, driver: bool = False) -> str:
        scheme = "postgresql+psycopg" if driver else "postgresql"
        return f"{scheme}://{login}@{self.host}:{self.port}/{base}"

    def admin(self, sql: str, base: str = "postgres") -> None:
        """Run one statement as the superuser, outside any transaction (CREATE DATABASE...)."""
        import psycopg

        with psycopg.connect(self.url_for(base), autocommit=True) as conn:
            conn.execute(sql)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
