"""Keystroke figure (not a test): one candidate and five applications, keyboard only.

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_keystrokes.py``. On a fresh database
the script drives the real windows with key events only — main window, Ctrl+N, the candidate
file, Ins, the application editor — the way a clerk copies a paper file: one candidate and
five applications (one waitlisted with its rank, one refused with its reason, one in
alternance). It then reads the database back, checks every value, and prints

    keystrokes ÷ characters of the data   (goal ≤ 1.1; no step needs the mouse)

Counting, on a French AZERTY keyboard with digits and « / » on the numeric keypad:
every key pressed is one keystroke (Tab, Enter, Ins, a letter...), and a chord counts each key
held (Ctrl+S = 2, an upper-case letter = 2 with Shift, « @ » = 2 with AltGr). The data is every
value the clerk enters, as the form shows it once entered (« 17/03/1986 » is 10 characters
though « 17031986 » is typed; « France » is 6 though « fra » is typed); values left as the form
offers them (campaign, phase, diploma) and names that fill themselves are not counted.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOME = "0134009M"
OTHER = "0751717J"
SHIFTED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÀÇ")
ALTGR = set("@#{}[]|\\~")


@dataclass
class Clerk:
    """Presses keys on whatever has the focus, and counts them."""

    app: QApplication
    keystrokes: int = 0
    characters: int = 0
    log: list[str] = field(default_factory=list)

    def focus(self):  # noqa: ANN201
        self.app.processEvents()
        widget = QApplication.activePopupWidget() or QApplication.focusWidget()
        if widget is None:
            raise RuntimeError("no widget has the keyboard focus: a mouse would be needed")
        return widget

    def key(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:  # noqa: ANN001
        widget = self.focus()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))
        self.app.processEvents()
        held = bin(int(modifiers.value if hasattr(modifiers, "value") else modifiers)).count("1")
        self.keystrokes += 1 + held

    def type(self, text: str) -> None:
        """Each character as one key (plus Shift or AltGr where the keyboard needs it)."""
        for char in text:
            code = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key(0)
            if char == " ":
                code = Qt.Key.Key_Space
            self.key(code, text=char)
            self.keystrokes += (char in SHIFTED) + (char in ALTGR)

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.key(Qt.Key.Key_Tab)

    def enter(self, value: str, typed: str | None = None, *, then_tab: bool = True) -> None:
        """Type a value (or the shorter ``typed`` that the form completes) and count the data."""
        self.type(typed if typed is not None else value)
        self.characters += len(value)
        self.log.append(value)
        if then_tab:
            self.tab()


def main() -> int:
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="monmaster-keys-"))
    import os

    os.environ.setdefault("MONMASTER_DESKTOP_HOME", str(folder / "home"))
    from PySide6.QtCore import QSettings

    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / "settings"))

    from monmaster_desktop.db import Database
    from monmaster_desktop.domain import ApplicationStatus, RejectionReason, TrainingType
    from monmaster_desktop.ui.i18n import install_translators
    from monmaster_desktop.ui.main_window import MainWindow
    from monmaster_desktop.ui.preferences import Preferences
    from monmaster_desktop.ui.services import Services

    install_translators(app, "fr")
    services = Services(Database(folder / "keys.sqlite"))
    services.as_of_override = date(2024, 7, 20)
    window = MainWindow(Preferences())
    window.attach(services, "keys.sqlite")
    window.show()
    window.activateWindow()
    clerk = Clerk(app)

    clerk.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new candidate
    file = next(d for d in window._open_files if d.candidate_id is None)
    file.activateWindow()
    assert clerk.focus() is file.number
    clerk.enter("M24-009001")
    clerk.enter("0123456789M")
    clerk.enter("Benali")
    clerk.enter("Yasmine")
    clerk.enter("17/03/1986", "17031986")
    clerk.enter("yasmine.benali@example.fr")
    clerk.enter("06 12 34 56 78")
    clerk.enter("France", "fra")  # the country picker completes; Tab takes the match
    clerk.enter("France", "fra")
    clerk.tab()  # diploma: Licence, as offered
    clerk.tab()  # diploma status, as offered
    clerk.enter("Inscrit l'an dernier (N-1)", "ins", then_tab=False)  # a returning student
    clerk.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert file.candidate_id is not None, "the candidate was not saved"

    def application(uai: str, name: str | None, mention: str, parcours: str, alternance: bool,
                    submitted: str, status: tuple[str, str] | None, after: list) -> None:  # noqa: ANN001
        clerk.key(Qt.Key.Key_Insert)
        editor = file.editor
        assert clerk.focus() is editor.uai, "Ins does not open the editor on the UAI"
        clerk.enter(uai)
        if name is not None:
            assert clerk.focus() is editor.institution
            clerk.enter(name)
        assert clerk.focus() is editor.mention, "the name that filled itself is not skipped"
        clerk.enter(mention)
        if parcours:
            clerk.enter(parcours)
        else:
            clerk.tab()
        if alternance:
            clerk.enter("Alternance", "a")
        else:
            clerk.tab()
        clerk.enter(submitted, submitted.replace("/", ""), then_tab=status is not None)
        if status is not None:
            label, typed = status
            clerk.enter(label, typed)
            for value, typed_value in after:
                if value is None:
                    clerk.tab()
                else:
                    clerk.enter(value, typed_value)
        clerk.key(Qt.Key.Key_Return)
        assert not editor.isVisible(), f"not saved: {editor.check()}"

    application(HOME, None, "Informatique", "Génie logiciel", False, "01/03/2024",
                ("En liste d'attente", "en"), [("12", None), ("04/06/2024", "04062024")])
    application(OTHER, "Université Paris 1 Panthéon-Sorbonne", "Économie", "Économétrie", False,
                "02/03/2024", ("Candidature refusée", "candidature r"),
                [("conditions d'admission non remplies", "co"), (None, None),
                 ("04/06/2024", "04062024")])
    application(HOME, None, "Mathématiques", "Statistique", True, "03/03/2024",
                ("Recherche de contrat", "rec"), [("10/06/2024", "10062024")])
    application(OTHER, None, "Droit", "", False, "04/03/2024",
                ("Proposition d'admission", "pro"), [("12/06/2024", "12062024")])
    application(HOME, None, "Chimie", "Analyse", False, "05/03/2024", None, [])

    stored = services.candidates.get_file(file.candidate_id)
    person = stored.candidate
    assert (person.last_name, person.first_name, person.birth_date, person.nationality) == (
        "Benali", "Yasmine", date(1986, 3, 17), "FR")
    by_mention = {a.data.mention: a.data for a in stored.applications}
    assert by_mention["Informatique"].status is ApplicationStatus.WAITLISTED
    assert by_mention["Informatique"].waitlist_rank == 12
    assert by_mention["Économie"].status is ApplicationStatus.REJECTED
    assert by_mention["Économie"].rejection_reason is RejectionReason.REQUIREMENTS_NOT_MET
    assert by_mention["Mathématiques"].training_type is TrainingType.ALTERNANCE
    assert by_mention["Mathématiques"].status is ApplicationStatus.CONTRACT_SEARCH
    assert by_mention["Droit"].status is ApplicationStatus.OFFER
    assert by_mention["Chimie"].status is ApplicationStatus.SUBMITTED
    assert len(stored.applications) == 5

    ratio = clerk.keystrokes / clerk.characters
    print("One candidate, five applications (waitlisted, refused, alternance...), keyboard only")
    print(f"  keystrokes              {clerk.keystrokes}")
    print(f"  characters of the data  {clerk.characters}")
    print(f"  ratio                   {ratio:.2f}   (goal ≤ 1.1)   mouse steps: 0")
    return 0 if ratio <= 1.1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
