"""Build the one-folder application (PyInstaller) that runs on a PC with no Python installed.

    pip install -e ".[bundle]"
    python scripts/build_bundle.py [--dist DIR]

The folder ``DIR/monmaster-desktop/`` holds ``monmaster-desktop`` (the command line, and the
window when run without arguments) and ``monmaster-desktop-window`` (the window, with no console
on Windows). The same script and specification build it on Windows (``.exe``), where
``packaging/windows/monmaster-desktop.iss`` then makes the installer (docs/deployment.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "monmaster-desktop.spec"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path | None = None) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder ``dist/monmaster-desktop``."""
    work = work or dist.parent / "build-bundle"
    command = [
        sys.executable, "-m", "PyInstaller", str(SPEC),
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    bundle = dist / "monmaster-desktop"
    if sys.platform != "win32":  # the Linux menu entry and icon travel with the folder
        shutil.copy2(ROOT / "packaging" / "linux" / "monmaster-desktop.desktop", bundle)
        shutil.copy2(ROOT / "resources" / "icons" / "monmaster-desktop.png", bundle)
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construit l'application autonome (PyInstaller).")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="dossier de sortie")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('PyInstaller manque : pip install -e ".[bundle]"', file=sys.stderr)
        return 2
    started = time.perf_counter()
    bundle = build(args.dist.resolve())
    seconds = time.perf_counter() - started
    size = folder_size(bundle) / 1e6
    executable = "monmaster-desktop.exe" if os.name == "nt" else "monmaster-desktop"
    print(f"Application autonome : {bundle / executable}")
    print(f"Taille : {size:.0f} Mo ; construite en {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
