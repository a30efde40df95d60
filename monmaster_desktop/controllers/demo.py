"""Demo databases: the generator's data imported through the one import path."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from monmaster_desktop.controllers.imports import ImportController
from monmaster_desktop.db import Database
from monmaster_desktop.demo import generate, write_csv_files

#: The demo's reference date: in the middle of the 2024 admissions, every worklist has people.
DEMO_AS_OF = date(2024, 7, 20)


def build_demo_database(
    path: Path, candidates: int = 300, seed: int = 2024, *, as_of: date | None = DEMO_AS_OF
) -> Path:
    """A fresh database at ``path`` holding ``candidates`` generated candidates, as they stood on
    ``as_of`` (the demo's day: nothing is dated after it); None: the whole campaign."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} existe déjà : une démonstration ne remplace aucune base.")
    data = generate(candidates, seed=seed, as_of=as_of)
    with tempfile.TemporaryDirectory(prefix="monmaster-demo-") as folder:
        cands, apps = write_csv_files(data, folder)
        with Database(path) as db:
            result = ImportController(db).run(cands, apps)
    if result.problems:
        raise RuntimeError("\n".join(p.line_text() for p in result.problems[:20]))
    return path
