"""Live desks on a server base: changes made elsewhere shown in place, who has a file open,
and the server's absence said in French while the desk keeps what was typed.

The database layer gives a listener (``Database.listen()``; None for a SQLite file, and then
nothing here runs). A worker thread owns the listener's connection; what it hears comes to
the GUI thread through queued signals. A change is only a hint: lists, counts and open files
are re-read through the controllers, and a file changed elsewhere is never replaced under the
clerk's eyes: a bar says who changed it and when, with « Recharger » / « Comparer ».
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from monmaster_desktop.db.live import Change, ChangeListener, Presence, ServerUnreachable

if TYPE_CHECKING:
    from monmaster_desktop.ui.main_window import MainWindow

#: Seconds between two waits for notifications (also how fast the thread notices « stop »).
POLL_SECONDS = 0.5
#: A desk re-announces its open files (and checks the server) this often...
HEARTBEAT_SECONDS = 10.0
#: ...and a presence not renewed for this long is forgotten (a desk that died).
PRESENCE_TTL_SECONDS = 25.0
#: Waits between reconnection attempts, then the last one again and again.
RETRY_SECONDS = (1, 2, 4, 8, 15)
#: Changes arriving together are applied once, this long after the first.
DEBOUNCE_MS = 150


class _Relay(QObject):
    """Lives on the GUI thread; the listening thread emits, the GUI thread receives."""

    received = Signal(object)
    lost = Signal(str, float)
    back = Signal(str)


class ListenerThread(threading.Thread):
    """Listens, announces this desk's open files, reconnects after a loss. Never touches Qt
    widgets: it emits on the relay only."""

    def __init__(self, listener: ChangeListener, relay: _Relay):
        super().__init__(name="monmaster-live", daemon=True)
        self.listener = listener
        self.relay = relay
        self._stopping = threading.Event()
        self._outbox: queue.SimpleQueue[tuple[str, int | None]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._open: set[int] = set()

    def stop(self) -> None:
        self._stopping.set()

    def set_open(self, candidate_ids: Iterable[int]) -> None:
        with self._lock:
            self._open = set(candidate_ids)

    def announce(self, state: str, candidate_id: int | None) -> None:
        self._outbox.put((state, candidate_id))

    def _announce_open(self) -> None:
        with self._lock:
            ids = sorted(self._open)
        for candidate_id in ids:
            self.listener.announce("open", candidate_id)

    def run(self) -> None:
        attempt = 0
        last_beat = 0.0
        try:
            while not self._stopping.is_set():
                if not self.listener.connected:
                    try:
                        self.listener.open()
                        self.listener.announce("hello")
                        self._announce_open()
                    except ServerUnreachable as exc:
                        self.listener.close()
                        delay = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
                        attempt += 1
                        self.relay.lost.emit(exc.message, float(delay))
                        self._stopping.wait(delay)
                        continue
                    attempt = 0
                    last_beat = time.monotonic()
                    self.relay.back.emit(self.listener.login)
                try:
                    items = self.listener.poll(POLL_SECONDS)
                    if any(
                        isinstance(item, Presence)
                        and item.state == "hello"
                        and item.desk != self.listener.desk
                        for item in items
                    ):
                        self._announce_open()  # a desk just came: tell it what we have open
                    if items:
                        self.relay.received.emit(items)
                    while True:
                        try:
                            state, candidate_id = self._outbox.get_nowait()
                        except queue.Empty:
                            break
                        self.listener.announce(state, candidate_id)
                    if time.monotonic() - last_beat >= HEARTBEAT_SECONDS:
                        last_beat = time.monotonic()
                        self.listener.ping()
                        self._announce_open()
                except ServerUnreachable:
                    self.listener.close()  # the next turn reconnects, or says why it cannot
        finally:
            self.listener.close()


def refresh_in_place(window: MainWindow) -> None:
    """List and counts re-read; the selected rows, current row and scroll position stay."""
    table = window.table
    vertical, horizontal = table.verticalScrollBar().value(), table.horizontalScrollBar().value()
    selected = table.selected_candidate_ids()
    window._lists.clear()  # the recent lists are what changed
    window.reload_list()

    def restore() -> None:  # on the whole list: the rows may lie beyond its first page
        if len(selected) > 1:
            model, selection = table.candidates, table.selectionModel()
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            for candidate_id in selected:
                row = model.row_of(candidate_id)
                if row is not None:
                    selection.select(model.index(row, 0), flags)
        table.verticalScrollBar().setValue(vertical)
        table.horizontalScrollBar().setValue(horizontal)

    window.when_listed(restore)
    window.refresh_counts()


class FileLiveBar(QWidget):
    """Above a candidate file: « Modifié par X à HH:MM » with « Recharger » / « Comparer »,
    and « Ouvert aussi par X »."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("live_bar")
        self.changed = QLabel()
        self.changed.setObjectName("changed_elsewhere")
        self.changed.setWordWrap(True)
        self.changed.setStyleSheet("color: #5a3a00; font-weight: bold;")
        self.reload_button = QPushButton(self.tr("&Recharger"))
        self.reload_button.setObjectName("live_reload")
        self.compare_button = QPushButton(self.tr("Co&mparer"))
        self.compare_button.setObjectName("live_compare")
        for button in (self.reload_button, self.compare_button):
            button.setAutoDefault(False)
        self.change_row = QWidget()
        self.change_row.setStyleSheet(
            "QWidget#change_row { background: #ffe7c2; border: 1px solid #d9a441; }"
        )
        self.change_row.setObjectName("change_row")
        row = QHBoxLayout(self.change_row)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.changed, 1)
        row.addWidget(self.reload_button)
        row.addWidget(self.compare_button)
        self.opened = QLabel()
        self.opened.setObjectName("opened_by")
        self.opened.setStyleSheet(
            "background: #e3eefc; border: 1px solid #9db8df; padding: 3px; color: #12325a;"
        )
        self.server = QLabel()
        self.server.setObjectName("server_away")
        self.server.setWordWrap(True)
        self.server.setStyleSheet(
            "background: #fde0e0; border: 1px solid #d08080; padding: 3px; color: #7a0010;"
            " font-weight: bold;"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.server, 1)
        layout.addWidget(self.change_row, 1)
        layout.addWidget(self.opened)
        self.server.hide()
        self.change_row.hide()
        self.opened.hide()
        self.hide()

    def show_change(self, text: str | None, *, can_compare: bool = True) -> None:
        self.changed.setText(text or "")
        self.change_row.setVisible(bool(text))
        self.compare_button.setVisible(can_compare)
        self.reload_button.setVisible(can_compare)
        self._update_visibility()

    def show_server(self, text: str | None) -> None:
        """The server's absence, said in the file itself (the clerk may be typing there)."""
        self.server.setText(text or "")
        self.server.setVisible(bool(text))
        self._update_visibility()

    def show_opened(self, names: list[str]) -> None:
        if names:
            self.opened.setText(self.tr("Ouvert aussi par %1").replace("%1", ", ".join(names)))
        self.opened.setVisible(bool(names))
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.setVisible(
            any(w.isVisibleTo(self) for w in (self.server, self.change_row, self.opened))
        )


def file_fingerprint(file: Any) -> tuple | None:
    """What tells two readings of a candidate file apart: its version and its applications'."""
    if file is None:
        return None
    return (file.version, tuple(sorted((a.id, a.version) for a in file.applications)))


class LiveDesk(QObject):
    """The window's live side on a server base (created by ``start_live``; None on a file)."""

    #: After changes made elsewhere were shown (list, counts and open files re-read).
    applied = Signal()
    #: True when the server answers again (or at first), False when it is lost.
    availability = Signal(bool)
    #: Who has which file open changed.
    presence_changed = Signal()

    def __init__(self, window: MainWindow, listener: ChangeListener):
        super().__init__(window)
        self.window = window
        self.listener = listener
        self.available: bool | None = None
        self.message = ""
        self._ever_connected = False
        self._retry_at: float | None = None
        self._pending: list[Change] = []
        self._stopped = False
        #: candidate id -> desk -> (login, expiry on the monotonic clock)
        self.others: dict[int, dict[str, tuple[str, float]]] = {}
        self._bars: dict[QWidget, FileLiveBar] = {}
        self._announced: dict[QWidget, int | None] = {}

        self.label = QLabel()
        self.label.setObjectName("server_state")
        window.statusBar().insertPermanentWidget(0, self.label)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()

        self.relay = _Relay(self)
        self.relay.received.connect(self._on_received)
        self.relay.lost.connect(self._on_lost)
        self.relay.back.connect(self._on_back)
        self.thread = ListenerThread(listener, self.relay)
        self._show_state(self.tr("Connexion au serveur…"), "#555555")
        self.thread.start()

    # -- the listening thread's news ---------------------------------------------------------

    @Slot(object)
    def _on_received(self, items: list) -> None:
        if self._stopped:
            return
        now = time.monotonic()
        presence = False
        for item in items:
            if isinstance(item, Presence):
                if item.desk == self.listener.desk:
                    continue
                presence = True
                if item.state == "open" and item.candidate_id is not None:
                    desks = self.others.setdefault(item.candidate_id, {})
                    # a desk shows one file per dialog; the same desk may have several open
                    desks[f"{item.desk}:{item.candidate_id}"] = (
                        item.who,
                        now + PRESENCE_TTL_SECONDS,
                    )
                elif item.state == "closed" and item.candidate_id is not None:
                    self.others.get(item.candidate_id, {}).pop(
                        f"{item.desk}:{item.candidate_id}", None
                    )
            elif isinstance(item, Change):
                self._pending.append(item)
        if presence:
            self._show_presence()
            self.presence_changed.emit()
        if self._pending and not self._debounce.isActive():
            self._debounce.start()

    @Slot(str, float)
    def _on_lost(self, message: str, delay: float) -> None:
        if self._stopped:
            return
        first_loss = self.available is not False
        self.available = False
        self.message = message
        self._retry_at = time.monotonic() + delay
        self._set_unreachable(message)
        self._on_tick()
        if first_loss:
            self.availability.emit(False)

    @Slot(str)
    def _on_back(self, _login: str) -> None:
        if self._stopped:
            return
        was_lost = self.available is False
        self.available = True
        self.message = ""
        self._retry_at = None
        self._set_unreachable(None)
        self._show_state(self.tr("En ligne"), "#1b5e20")
        self._sync_announcements(force=True)
        if was_lost or self._ever_connected:
            # what others saved meanwhile was announced to nobody: read everything again
            self._pending.append(Change("reconnected", None))
            self._debounce.start()
        self._ever_connected = True
        self.availability.emit(True)

    # -- applying changes --------------------------------------------------------------------

    def _apply(self) -> None:
        self._pending.clear()
        window = self.window
        if self._stopped or window.services is None or self.available is False:
            return
        try:
            refresh_in_place(window)
        except Exception as exc:  # noqa: BLE001 - a failed live refresh never ends the day
            self._show_state(
                self.tr("Actualisation impossible : %1").replace("%1", str(exc)), "#b00020"
            )
            return
        for dialog in list(self._bars):
            self.check_file(dialog)
        self.applied.emit()

    def check_file(self, dialog: Any) -> None:
        """Re-read an open file; if the base holds another version, say who changed it."""
        bar = self._bars.get(dialog)
        services = self.window.services
        if bar is None or services is None or dialog.candidate_id is None or dialog.file is None:
            return
        from monmaster_desktop.controllers.errors import NotFound
        from monmaster_desktop.db import DatabaseError

        try:
            stored = services.candidates.get_file(dialog.candidate_id, as_of=services.as_of)
        except NotFound:
            bar.show_change(
                self.tr("Ce dossier a été supprimé sur un autre poste."), can_compare=False
            )
            return
        except Exception as exc:
            if isinstance(exc, DatabaseError) or services.db.is_disconnect(exc):
                return  # the server went away meanwhile: the state label says so
            raise
        if file_fingerprint(stored) == file_fingerprint(dialog.file):
            bar.show_change(None)
            return
        who, when = self._last_change(services, stored)
        text = self.tr("Modifié par %1 à %2").replace("%1", who).replace("%2", when)
        bar.show_change(text + " " + self.tr("(la fiche affichée n'est plus la dernière version)."))

    @staticmethod
    def _last_change(services: Any, stored: Any) -> tuple[str, str]:
        """Who made the latest change of this file and when, as the audit trail says."""
        history = services.candidates.history(stored.candidate_id)
        latest = max(history, key=lambda entry: entry.at, default=None)
        if latest is not None:
            who = getattr(latest, "os_user", None) or getattr(latest, "user", None) or "?"
            return who, latest.at.strftime("%H:%M")
        when = stored.updated_at.strftime("%H:%M") if stored.updated_at else "?"
        return stored.updated_by or "?", when

    # -- open files: bars and presence -------------------------------------------------------

    def watch(self, dialog: Any) -> None:
        """A candidate file just opened in this window: give it its bar and announce it.

        A window the main window opens again for another file keeps its bar, emptied of
        what it said of the file before."""
        bar = dialog.findChild(FileLiveBar, "live_bar")
        if bar is None:
            bar = FileLiveBar(dialog)
            dialog.layout().insertWidget(2, bar)
            bar.reload_button.clicked.connect(lambda: self._reload(dialog))
            bar.compare_button.clicked.connect(lambda: self._compare(dialog))
            dialog.finished.connect(lambda _result: self.unwatch(dialog))
            dialog.saved.connect(lambda _cid: self.check_file(dialog))
        bar.show_change(None)
        bar.show_server(None)
        bar.show_opened([])
        self._bars[dialog] = bar
        self._sync_announcements()
        self._show_presence()
        if self.available is False:
            self._set_unreachable(self.message)

    def unwatch(self, dialog: Any) -> None:
        self._bars.pop(dialog, None)
        self._sync_announcements()

    def _reload(self, dialog: Any) -> None:
        if dialog.is_dirty():
            answer = QMessageBox.question(
                dialog,
                self.tr("Recharger la fiche"),
                self.tr("Recharger remplace vos saisies par la fiche enregistrée. Continuer ?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        dialog.load(dialog.candidate_id)
        dialog._set_notice("")
        self.check_file(dialog)

    def _compare(self, dialog: Any) -> None:
        dialog._compare()  # the stale-record path: keep mine (explicit overwrite) or reload
        self.check_file(dialog)

    def _sync_announcements(self, *, force: bool = False) -> None:
        """Tell the other desks which files this desk has open (a hint, never a lock)."""
        current = {dialog: dialog.candidate_id for dialog in self._bars}
        for dialog, before in list(self._announced.items()):
            now = current.get(dialog)
            if dialog not in current or now != before:
                if before is not None:
                    self.thread.announce("closed", before)
                del self._announced[dialog]
        for dialog, candidate_id in current.items():
            if (force or dialog not in self._announced) and candidate_id is not None:
                self.thread.announce("open", candidate_id)
            self._announced[dialog] = candidate_id
        self.thread.set_open(cid for cid in current.values() if cid is not None)

    def others_on(self, candidate_id: int | None) -> list[str]:
        """Logins of the other desks that have this file open (sorted, each once)."""
        if candidate_id is None:
            return []
        now = time.monotonic()
        desks = self.others.get(candidate_id, {})
        return sorted({who for who, expiry in desks.values() if expiry > now})

    def _show_presence(self) -> None:
        for dialog, bar in self._bars.items():
            bar.show_opened(self.others_on(dialog.candidate_id))

    # -- every second: countdown, forgotten desks, files that moved to another candidate ------

    def _on_tick(self) -> None:
        now = time.monotonic()
        if self.available is False and self._retry_at is not None:
            seconds = max(0, round(self._retry_at - now))
            if seconds:
                text = self.tr("Serveur injoignable — nouvelle tentative dans %1 s").replace(
                    "%1", str(seconds)
                )
            else:
                text = self.tr("Serveur injoignable — nouvelle tentative en cours…")
            self._show_state(text, "#b00020")
        expired = False
        for candidate_id in list(self.others):
            desks = self.others[candidate_id]
            for key, (_who, expiry) in list(desks.items()):
                if expiry <= now:
                    del desks[key]
                    expired = True
            if not desks:
                del self.others[candidate_id]
        if any(self._announced.get(d) != d.candidate_id for d in self._bars):
            self._sync_announcements()
            expired = True
        if expired:
            self._show_presence()

    def _show_state(self, text: str, colour: str) -> None:
        self.label.setText(text)
        self.label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _set_unreachable(self, message: str | None) -> None:
        """While the server is away: saves refused at once with the typed values kept, the list
        and menus that would query it greyed (never a frozen window or a traceback)."""
        window = self.window
        services = window.services
        away = message is not None
        if services is not None:
            services.unreachable = (
                self.tr(
                    "Serveur injoignable : rien n'a été enregistré et vos saisies sont gardées. "
                    "L'enregistrement sera possible dès que le serveur répondra."
                )
                if away
                else None
            )
        window._set_enabled(not away)
        window.worklists.setEnabled(not away)
        window.table.setEnabled(not away)
        for bar in self._bars.values():
            bar.show_server(
                self.tr(
                    "Serveur injoignable : vos saisies restent dans la fiche ; vous pourrez "
                    "enregistrer dès son retour."
                )
                if away
                else None
            )

    def stop(self) -> None:
        self._stopped = True
        self._tick.stop()
        self._debounce.stop()
        self.thread.stop()
        self.thread.join(timeout=2 * POLL_SECONDS + 1)


def start_live(window: MainWindow) -> LiveDesk | None:
    """The live side of a window on a server base; None on a SQLite file."""
    services = window.services
    listen = getattr(services.db, "listen", None) if services is not None else None
    listener = listen() if listen is not None else None
    if listener is None:
        return None
    return LiveDesk(window, listener)
