"""The main window's list: worklist counts, the search field and the candidate table's source.
A part of MainWindow; its strings are translated in the window's context (« MainWindow »).

A new list shows its first page at once (one short query, ``LIMIT``); the whole ordered list
of ids is read just after, off the GUI thread, and the table grows to it (``listed``). A
keystroke in the search field therefore costs one page, however many candidates match.

Qt's namespace and widgets are imported where used: this module loads before the window's
first paint, which they would delay.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale

from monmaster_desktop.ui.main_window_output import error_text

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QObject

    from monmaster_desktop.controllers.first_screen import FirstScreen
    from monmaster_desktop.ui.services import Services

log = logging.getLogger(__name__)

#: Typing debounce: a key pressed after a pause filters at once; keys typed in a burst wait
#: this long after the last one.
SEARCH_DELAY_MS = 150
#: Recent full lists kept (typing then erasing shows a list already read).
RECENT_LISTS = 16


def settle_memory() -> None:
    """Once a process, when its first whole list is shown: what the start-up built (Qt's and
    SQLAlchemy's modules, the window, the compiled queries: most of the objects Python holds)
    stays for good, so the garbage collector's full passes leave it out instead of walking it
    again and again (a full pass over it takes 100–200 ms, in the middle of a keystroke when
    it falls there). Objects made afterwards are collected as before."""
    if not gc.get_freeze_count():
        gc.freeze()


def fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class ListPart:
    """Counts, search and list of the main window (mixed into MainWindow)."""

    services: Services | None
    _lists: dict[tuple, list[int]]
    _counts_request: int

    # -- counts ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """List and counts again (after a save, an import, another reference date)."""
        if self.services is None:
            return
        self._lists.clear()
        self.reload_list()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Count every worklist off the GUI thread; the pane and status bar update after.

        Only the newest request's answer is shown (a slower, older one is dropped).
        """
        from monmaster_desktop.ui.tasks import run_task
        from monmaster_desktop.ui.worklist_pane import ALL

        services = self.services
        if services is None:
            return
        as_of = services.as_of
        campaigns = [
            entry.campaign
            for entry in map(
                self.worklists.worklists.entry, range(self.worklists.worklists.rowCount())
            )
            if entry.campaign is not None
        ]
        self._counts_request += 1
        request = self._counts_request
        if services.as_of_override is None:
            reference = _tr("Date de référence : %1 (aujourd'hui)")
        else:
            reference = _tr("Date de référence : %1 (fixée)")
        self.reference.setText(reference.replace("%1", fr_date(as_of)))

        def work(_progress: Any, _is_cancelled: Any) -> dict:
            counts = {(str(code), None): n for code, n in services.worklists.counts(as_of).items()}
            for year in campaigns:
                counts[(ALL, year)] = services.worklists.counts(as_of, campaign=year)[ALL]  # type: ignore[index]
            return counts

        def show(counts: dict[tuple[str, int | None], int]) -> None:
            if request == self._counts_request:
                self._show_counts(counts)

        run_task(
            self,
            work,
            on_done=show,
            on_error=lambda exc: self.statusBar().showMessage(
                _tr("Comptage des listes impossible : %1").replace("%1", error_text(exc))
            ),
        )

    def _show_counts(self, counts: dict[tuple[str, int | None], int]) -> None:
        from monmaster_desktop.ui.worklist_pane import ALL

        self.worklists.worklists.set_counts(counts)
        total = counts.get((ALL, None), 0)
        contact = counts.get(("must_contact_registrar", None), 0)
        self.totals.setText(
            _tr("%1 · %2 doivent contacter la scolarité")
            .replace("%1", self._candidates_text(total))
            .replace("%2", QLocale().toString(contact))
        )
        self.counted.emit()

    def _candidates_text(self, count: int) -> str:
        number = QLocale().toString(count)
        if count > 1:
            return _tr("%1 candidats").replace("%1", number)
        return _tr("%1 candidat").replace("%1", number)

    # -- the list --------------------------------------------------------------------------

    def reload_list(self) -> None:
        """Re-run the current worklist's query (search, sort, date); keep the current row.

        The first page is shown now; the rest of the list follows (``listed``)."""
        services = self.services
        if services is None:
            return
        self._keep_current = self.table.current_candidate_id()
        entry = self.worklists.current_entry()
        search = self.search.text()
        as_of = services.as_of
        lists = self._lists

        model = self.table.candidates
        keep = self._keep_current
        #: The rows of the screen first painted, read with the first page's ids (one read a
        #: key), by id: the first read of rows takes them, and they are let go then.
        first_rows: dict[int, object] = {}

        def query(sort: str, descending: bool, limit: int | None) -> list[int]:
            from monmaster_desktop.controllers.worklists import SortKey

            key = (entry.code, entry.campaign, search.strip(), sort, descending, as_of)
            if key in lists:
                return lists[key]
            asked = dict(
                as_of=as_of,
                search=search,
                campaign=entry.campaign,
                sort=SortKey(sort),
                descending=descending,
            )
            if limit is not None:
                screenful = model.fetch_size
                ids, rows = services.worklists.first_page(
                    entry.code, limit=limit, rows=screenful, keep=keep, **asked
                )
                first_rows.update((row.id, row) for row in rows)
                return ids
            ids = services.worklists.candidate_ids(entry.code, **asked)
            if len(lists) >= RECENT_LISTS:  # only whole lists are remembered
                lists.pop(next(iter(lists)))
            lists[key] = ids
            return ids

        def fetch(ids: list[int]) -> list:
            ready = [first_rows[i] for i in ids if i in first_rows]
            rest = [i for i in ids if i not in first_rows]
            first_rows.clear()  # read with the ids: used by the first read of rows or never
            return ready + services.worklists.rows(rest, as_of=as_of) if rest else ready

        model.set_source(
            self._unless_unreachable(query, []),
            self._unless_unreachable(fetch, []),
            self._read_off_the_gui_thread,
        )
        self._select_kept()
        self._update_list_title()
        self.refreshed.emit()

    def show_first_screen(self, screen: FirstScreen) -> bool:
        """Before the base is open: every candidate's first page as the file holds it, in the
        clerk's last order (``controllers.first_screen``). Read-only until ``attach``: no
        other order, no search, no file; the list, its counts and the actions come with the
        base. False (nothing shown) when the rules must assess a row of that page."""
        from PySide6.QtCore import Qt

        from monmaster_desktop.ui.candidate_table import SORT_KEYS
        from monmaster_desktop.ui.worklist_pane import ALL

        entry = self.worklists.current_entry()
        if self.services is not None or entry.code != ALL or entry.campaign is not None:
            return False
        model = self.table.candidates
        descending = model.sort_order == Qt.SortOrder.DescendingOrder
        read = screen.read(SORT_KEYS[model.sort_column], descending, model.PAGE)
        if read is None:
            return False
        ids, rows = read
        by_id = {row.id: row for row in rows}
        self.table.horizontalHeader().setSectionsClickable(False)  # one order until attach
        self.act_open_file.setEnabled(False)  # this base is opening: no other meanwhile
        self.act_connect.setEnabled(False)
        model.set_source(
            lambda _sort, _descending, _limit: ids,
            lambda page: [by_id[i] for i in page if i in by_id],
            lambda _read, _done: None,  # the rest of the list comes with the base
        )
        self._update_list_title()
        self.refreshed.emit()
        return True

    def _read_off_the_gui_thread(
        self, read: Callable[[], list[int]], done: Callable[[list[int]], None]
    ) -> None:
        """The table model's way to read the rest of a list: in the thread pool."""
        from PySide6.QtCore import QTimer

        from monmaster_desktop.ui.tasks import run_task

        guarded = self._unless_unreachable(read, None)

        def shown(ids: list[int] | None) -> None:
            if ids is not None:
                done(ids)

        def start() -> None:
            run_task(
                self,
                lambda _progress, _is_cancelled: guarded(),
                on_done=shown,
                on_error=lambda exc: self.statusBar().showMessage(
                    _tr("Liste incomplète : %1").replace("%1", error_text(exc))
                ),
            )

        # After the first page has painted: the reading thread would slow that paint down.
        QTimer.singleShot(0, start)

    def when_listed(self, then: Callable[[], None]) -> None:
        """``then()`` once the whole list is known: now if it is, else when it comes."""
        model = self.table.candidates
        if model.complete:
            then()
            return

        def once() -> None:
            model.completed.disconnect(once)
            then()

        model.completed.connect(once)

    def _list_completed(self) -> None:
        """The whole list is read: the kept row may be beyond the first page."""
        settle_memory()
        if self.table.current_candidate_id() is None:
            self._select_kept()
        self._update_list_title()
        self.listed.emit()

    def _select_kept(self) -> None:
        if not self.table.select_candidate(self._keep_current) and self.table.candidates.rowCount():
            if self.table.candidates.complete or self._keep_current is None:
                self.table.selectRow(0)
            else:  # the kept candidate may come with the whole list: until then, the top
                self.table.scrollToTop()

    def _unless_unreachable(self, read: Callable[..., Any], fallback: Any) -> Callable[..., Any]:
        """``read`` for the table model; when the base cannot be reached (a server that just
        went away) it gives ``fallback`` and says so, instead of an error in the middle of a
        paint. The list is read again when the server is back."""
        services = self.services

        def guarded(*args: Any) -> Any:
            try:
                return read(*args)
            except Exception as exc:
                if services is None or not services.db.is_disconnect(exc):
                    raise
                self.statusBar().showMessage(
                    _tr("Serveur injoignable : la liste sera relue à son retour."), 10000
                )
                return fallback

        return guarded

    def _update_list_title(self) -> None:
        entry = self.worklists.current_entry()
        name = self.worklists.worklists.label(entry)
        model = self.table.candidates
        if model.complete:
            text = _tr("%1 — %2 affiché(s)").replace("%1", name)
        else:
            text = _tr("%1 — %2 premiers affichés…").replace("%1", name)
        text = text.replace("%2", QLocale().toString(model.rowCount()))
        if self.search.text().strip():
            text += " " + _tr("pour « %1 »").replace("%1", self.search.text().strip())
        self.list_title.setText(text)

    def prepare_searches(self) -> None:
        """Off the GUI thread, once per base: the queries of the first keystrokes compiled."""
        from monmaster_desktop.ui.tasks import run_task

        services = self.services
        if services is None:
            return
        run_task(
            self,
            lambda _progress, _is_cancelled: services.worklists.prepare(as_of=services.as_of),
            on_done=lambda _result: None,
            # Only a head start: the search itself says what goes wrong, if anything does.
            on_error=lambda exc: log.warning("searches not prepared: %s", type(exc).__name__),
        )

    # -- search ----------------------------------------------------------------------------

    def _search_edited(self) -> None:
        """A key after a pause filters at once; within a burst, once the typing pauses."""
        now = time.monotonic()
        if now - self._last_search_at >= SEARCH_DELAY_MS / 1000 and not self.search_timer.isActive():
            self.apply_search()
            self.search_timer.start()  # keys typed right after wait for the pause
            self._search_pending = False
        else:
            self._search_pending = True
            self.search_timer.start()

    def _search_pause(self) -> None:
        if self._search_pending:
            self.apply_search()

    def apply_search(self) -> None:
        self.search_timer.stop()
        self._search_pending = False
        self._last_search_at = time.monotonic()
        self.reload_list()

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_key(self, watched: QObject, event: QEvent) -> bool:
        """In the search field: Enter or Down goes to the table, Escape clears."""
        from PySide6.QtCore import QEvent, Qt

        if watched is not self.search or event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            if self._search_pending:
                self.apply_search()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid() and self.table.candidates.rowCount():
                self.table.selectRow(0)
            return True
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()  # filters at once, unless within a burst of keys
            if self._search_pending:
                self.apply_search()
            return True
        return False
