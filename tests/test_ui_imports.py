"""Modules imported after PySide6 are not read back as source to answer its feature scan."""

from __future__ import annotations

import inspect
import sys

import pytest

import monmaster_desktop.ui  # noqa: F401 - installs the answer
from monmaster_desktop.ui.imports import skip_feature_source_scan, uses_pyside

feature = pytest.importorskip("shibokensupport.feature")


PROBES = ("monmaster_desktop.desk_probe_qt", "monmaster_desktop.desk_probe_plain", "probe_other")


@pytest.fixture
def fresh_modules(tmp_path, monkeypatch):
    """Two new modules of the desk's package (one using Qt) and one of another package."""
    import monmaster_desktop

    (tmp_path / "desk_probe_qt.py").write_text(
        "from PySide6.QtCore import QObject\n\nclass Probe(QObject):\n    pass\n"
    )
    (tmp_path / "desk_probe_plain.py").write_text("import json\n\nVALUE = json.dumps([1])\n")
    (tmp_path / "probe_other.py").write_text("from PySide6.QtCore import QObject\n")
    monkeypatch.setattr(monmaster_desktop, "__path__", [*monmaster_desktop.__path__, str(tmp_path)])
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    for name in PROBES:
        sys.modules.pop(name, None)
        feature.pyside_feature_dict.pop(name, None)


def test_a_module_imported_after_pyside_is_not_read_as_source(fresh_modules, monkeypatch):
    read = []
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj) or real(obj))
    assert feature._mod_uses_pyside is uses_pyside  # installed by importing the ui package
    for name in PROBES:  # an import statement, which PySide6's hook follows
        __import__(name, fromlist=["_"])
    assert [getattr(m, "__name__", m) for m in read] == []
    # PySide6's own answers: 0 = uses PySide6 (default features), -1 = left out.
    answers = {name: feature.pyside_feature_dict.get(name) for name in PROBES}
    assert answers == dict(zip(PROBES, (0, -1, -1), strict=True))


def test_the_answer_is_the_source_scans_for_the_windows_modules():
    import monmaster_desktop.ui.candidate_table as table
    import monmaster_desktop.ui.main_window as window

    for module in (window, table):
        assert uses_pyside(module) is ("PySide6" in inspect.getsource(module))
    assert not uses_pyside(sys)  # built in
    assert not uses_pyside(inspect)  # a source that never names PySide6
    assert skip_feature_source_scan()  # installing it again changes nothing
    assert feature._mod_uses_pyside is uses_pyside
