"""Start a throwaway local PostgreSQL to try several desks on one server, in one command.

    python scripts/local_server.py [--demo] [--port 55432]

It starts the machine's PostgreSQL (Debian package ``postgresql``) in a temporary folder on
127.0.0.1, prepares the base ``monmaster`` with ``server init``, creates the logins
``agent1`` and ``agent2`` (clerks) and ``chef`` (head), loads the demo candidates with
``--demo``, prints the command that opens a desk for each, and runs until Ctrl+C (then
everything is deleted). Local logins are trusted: no password is asked. For trying only —
an office's data belongs on the IT department's server.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monmaster_desktop.local_server import LocalServer  # noqa: E402

LOGINS = {"agent1": False, "agent2": False, "chef": True}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument(
        "--demo", action="store_true", help="charger les candidats de démonstration"
    )
    args = parser.parse_args()

    from monmaster_desktop.db.roles import init_server

    server = LocalServer(port=args.port).start()
    try:
        server.admin("CREATE DATABASE monmaster")
        owner_url = server.url_for("monmaster")
        for line in init_server(owner_url):
            print(line)
        for login, head in LOGINS.items():
            role = "monmaster_head" if head else "monmaster_clerk"
            server.admin(f'CREATE ROLE "{login}" LOGIN IN ROLE {role}')
        if args.demo:
            from monmaster_desktop.controllers.demo import build_demo_database
            from monmaster_desktop.transfer import transfer

            with tempfile.TemporaryDirectory() as folder:
                demo = build_demo_database(Path(folder) / "demo.sqlite")
                transfer(demo, owner_url)
            print("Candidats de démonstration chargés.")
        print("\nServeur prêt. Un poste par terminal :")
        for login in LOGINS:
            print(f"  monmaster-desktop --database {server.url_for('monmaster', login)}")
        print("\nCtrl+C arrête le serveur et efface tout.", flush=True)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
