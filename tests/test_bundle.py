"""The frozen application: built by scripts/build_bundle.py, run with no Python on the PATH.

Marked ``bundle``: left out of the quick local run (about a minute of PyInstaller), always run
by ``.ci/run`` (``pytest -m bundle``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from monmaster_desktop.demo import generate, write_csv_files

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2024-07-20"
MAX_BUNDLE_MB = 250


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once for the module, exactly as IT does: python scripts/build_bundle.py --dist DIR."""
    dist = tmp_path_factory.mktemp("dist")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_bundle.py"), "--dist", str(dist)],
        capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    print(f"\n{done.stdout.strip()} (mesuré : {time.perf_counter() - started:.0f} s)")
    folder = dist / "monmaster-desktop"
    assert (folder / "monmaster-desktop").is_file()
    return folder


def bare_env(tmp_path: Path, home: Path) -> dict[str, str]:
    """A machine without our Python: PATH holds one empty folder, nothing of the venv leaks in."""
    empty = tmp_path / "empty-path"
    empty.mkdir(exist_ok=True)
    return {
        "PATH": str(empty),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "MONMASTER_DESKTOP_HOME": str(home),
        "MONMASTER_DESKTOP_SITE": "",
        "TMPDIR": str(tmp_path),
    }


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=300)  # fmt: skip


def pdf_text(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def xlsx_values(path: Path) -> list[tuple]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


def test_bundle_is_small_enough_and_carries_its_pieces(bundle: Path) -> None:
    """Unused Qt modules are left out; icon, menu entry, migrations and resources are in."""
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size / 1e6 < MAX_BUNDLE_MB
    internal = bundle / "_internal"
    assert not list(internal.rglob("*Qt6Qml*")) and not list(internal.rglob("*Qt6Quick*"))
    assert (internal / "monmaster_desktop" / "resources" / "defaults.json").is_file()
    assert list((internal / "monmaster_desktop" / "migrations" / "versions").glob("*.py"))
    assert not list(internal.rglob("*.ts")) and not list(internal.rglob("screenshots"))
    assert (bundle / "monmaster-desktop.desktop").is_file()
    assert (bundle / "monmaster-desktop-window").is_file()


def test_bundle_import_check_sheets_match_the_package(bundle: Path, tmp_path: Path) -> None:
    """import, check --json and sheets: the bundle says and writes what the package does."""
    data = tmp_path / "data"
    data.mkdir()
    cands, apps = write_csv_files(generate(40, seed=21), data)
    exe = str(bundle / "monmaster-desktop")
    package = [sys.executable, "-m", "monmaster_desktop"]
    outputs = {}
    for name, command in (("bundle", [exe]), ("package", package)):
        home = tmp_path / f"home-{name}"
        env = bare_env(tmp_path, home) if name == "bundle" else {**os.environ, **bare_env(tmp_path, home), "PATH": os.environ["PATH"]}
        base = ["--database", str(tmp_path / f"{name}.sqlite")]
        imported = run([*command, "import", str(cands), str(apps), *base], env)
        assert imported.returncode == 0, imported.stderr
        checked = run([*command, "check", "--today", AS_OF, "--json", *base], env)
        assert checked.returncode == 0, checked.stderr
        pdf = tmp_path / f"{name}.pdf"
        printed = run([*command, "sheets", str(pdf), "--today", AS_OF, *base], env)
        assert printed.returncode == 0, printed.stderr
        version = run([*command, "--version"], env)
        # Exported to XLSX and imported back into a new base: the writer and the reader are in.
        workbooks = [tmp_path / f"{name}-{what}.xlsx" for what in ("candidates", "applications")]
        for what, workbook in zip(("candidates", "applications"), workbooks, strict=True):
            exported = run([*command, "export", what, str(workbook), "--today", AS_OF, *base], env)
            assert exported.returncode == 0, exported.stderr
        again = run([*command, "import", *map(str, workbooks), "--database",
                     str(tmp_path / f"{name}-again.sqlite")], env)  # fmt: skip
        assert again.returncode == 0, again.stderr
        outputs[name] = (imported.stdout, checked.stdout, printed.stdout.replace(str(pdf), "OUT"),
                         pdf_text(pdf), version.stdout, xlsx_values(workbooks[1]),
                         again.stdout.replace(f"{name}-", ""))  # fmt: skip
    assert outputs["bundle"] == outputs["package"]
    assert len(outputs["bundle"][5]) > 40 and "candidats 40 créé(s)" in outputs["bundle"][6]
    assert '"candidate_number"' in outputs["bundle"][1]  # not vacuous: candidates were checked
    assert len(outputs["bundle"][3]) >= 40 and "Fiche de situation" in outputs["bundle"][3][0]


def test_bundle_refusal_is_french_with_exit_1(bundle: Path, tmp_path: Path) -> None:
    """A refused import from the bundle: FILE:LINE: column: message and exit status 1."""
    bad = tmp_path / "candidates.csv"
    bad.write_text("candidate_number;last_name\nM24-1;Dupont\n", encoding="utf-8")
    env = bare_env(tmp_path, tmp_path / "home")
    done = run([str(bundle / "monmaster-desktop"), "import", str(bad), "--database",
                str(tmp_path / "b.sqlite")], env)  # fmt: skip
    assert done.returncode == 1
    assert "candidates.csv:" in done.stderr


def test_bundle_window_opens_the_demo(bundle: Path, tmp_path: Path) -> None:
    """The window executable opens (offscreen here) and is ready on the demo database."""
    home = tmp_path / "home"
    env = {**bare_env(tmp_path, home), "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen([str(bundle / "monmaster-desktop-window"), "--demo"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    log = home / "logs" / "monmaster-desktop.log"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and window.poll() is None:
            if log.is_file() and "window ready" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.5)
        assert window.poll() is None, window.stderr.read().decode()  # still running: not crashed
        assert "window ready" in log.read_text(encoding="utf-8")
    finally:
        window.terminate()
        window.wait(timeout=30)
