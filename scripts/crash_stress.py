"""Crash-safety stress run: kill the program at random moments many times, count what is lost.

    python scripts/crash_stress.py --runs 100

Each run imports the demo files, edits candidates through the controllers and backs up, and is
killed with SIGKILL at a seeded random moment of one of those phases; the files left behind are
then checked (integrity, import all or nothing, every saved edit present, backups sound).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--seed", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="monmaster-crash-") as folder:
        os.environ["MONMASTER_DESKTOP_HOME"] = str(Path(folder) / "home")
        from tests.safety_helpers import crash_campaign

        started = time.monotonic()

        def report(n: int, run) -> None:  # noqa: ANN001
            state = "killed" if run.killed else "finished"
            verdict = "OK" if not run.problems else "; ".join(run.problems)
            print(
                f"run {n + 1:4d} {run.phase:<7} +{run.delay:.3f} s {state:<8} {verdict}", flush=True
            )

        summary = crash_campaign(
            Path(folder),
            args.runs,
            candidates=args.candidates,
            edits=args.edits,
            seed=args.seed,
            report=report,
        )
    print(summary.line())
    print(f"{time.monotonic() - started:.0f} s")
    for problem in summary.problems:
        print(problem)
    return 1 if summary.problems else 0


if __name__ == "__main__":
    sys.exit(main())
