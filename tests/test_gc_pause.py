"""The cycle collector paused while an import or a read makes hundreds of thousands of rows:
once it runs again, those rows are in its oldest generation, walked by the rare full
collections only, not all at once by its very next (young) collection."""

from __future__ import annotations

import gc
from pathlib import Path

from monmaster_desktop.controllers.records import gc_paused
from monmaster_desktop.io.columns import APPLICATIONS
from monmaster_desktop.io.tabular import read_table


def _in_oldest_generation(thing: object) -> bool:
    return any(obj is thing for obj in gc.get_objects(generation=2))


def test_objects_made_during_the_pause_join_the_oldest_generation() -> None:
    gc.collect()
    with gc_paused():
        assert not gc.isenabled()
        kept = [(index, [index]) for index in range(60_000)]
    assert gc.isenabled()
    assert _in_oldest_generation(kept)
    assert _in_oldest_generation(kept[-1][1])


def test_a_pause_inside_a_pause_leaves_the_collector_off() -> None:
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_large_file_read_leaves_its_rows_out_of_the_next_collection(tmp_path: Path) -> None:
    header = ",".join(APPLICATIONS.names)
    row = "M24-1,2024,main,0921204J,U,Histoire,,initial,2024-03-07,submitted,,,,,"
    path = tmp_path / "applications.csv"
    path.write_text("\n".join([header, *[row] * 30_000]) + "\n", encoding="utf-8")
    gc.collect()
    table = read_table(path, APPLICATIONS)
    assert len(table.rows) == 30_000
    assert _in_oldest_generation(table.rows)
