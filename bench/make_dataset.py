"""Write a large demo data set (candidates.csv, applications.csv) for import and load benchmarks."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence

from monmaster_desktop.demo import generate, write_csv_files


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the rows, write the two CSV files in OUTDIR, print the counts and timings."""
    parser = argparse.ArgumentParser(
        prog="make_dataset.py", description="Write a deterministic Mon Master demo data set."
    )
    parser.add_argument("outdir", help="folder for candidates.csv and applications.csv")
    parser.add_argument("--candidates", type=int, default=50_000, help="number of candidates")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (same seed, same data)")
    parser.add_argument("--campaign", type=int, default=2024, help="campaign year")
    args = parser.parse_args(argv)
    if args.candidates < 0:
        parser.error("--candidates must not be negative")

    started = time.perf_counter()
    data = generate(args.candidates, args.seed, campaign_year=args.campaign)
    generated = time.perf_counter()
    candidates_path, applications_path = write_csv_files(data, args.outdir)
    written = time.perf_counter()

    print(f"candidates:   {len(data.candidates):>9,} -> {candidates_path}")
    print(f"applications: {len(data.applications):>9,} -> {applications_path}")
    for status, count in sorted(Counter(a["status"] for a in data.applications).items()):
        print(f"  {status:<24}{count:>9,}")
    print(f"generated in {generated - started:.2f} s, written in {written - generated:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
