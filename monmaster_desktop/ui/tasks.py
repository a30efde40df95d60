"""Long work off the GUI thread: a worker in the thread pool, a progress dialog, a cancel button.

The work is a plain function ``work(progress, is_cancelled) -> result``; it never touches a
widget. Its progress, result or exception come back on the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

#: ``progress(value)`` or ``progress(value, "what is being done")`` (shown in the dialog).
Progress = Callable[..., None]
IsCancelled = Callable[[], bool]
Work = Callable[[Progress, IsCancelled], Any]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the GUI thread receives (queued)."""

    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, work: Work, relay: _Relay, cancelled: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._relay, self._cancelled = work, relay, cancelled

    def run(self) -> None:
        try:
            relay = self._relay

            def progress(value: int, text: str = "") -> None:
                relay.progressed.emit(value, text)

            result = self._work(progress, self._cancelled.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, shown there
            failed, value = True, exc
        else:
            failed, value = False, result
        try:
            (self._relay.failed if failed else self._relay.succeeded).emit(value)
        except RuntimeError:
            pass  # the window that asked was closed meanwhile: nobody is left to tell


class Task(QObject):
    """One background job; ``done`` carries the result, ``error`` the exception.

    With a ``label`` a non-modal progress dialog shows (after 300 ms) with « Annuler »;
    cancelling sets the flag the work polls, and ``cancelled`` is emitted instead of ``done``.
    The window stays usable meanwhile. The task keeps itself alive until it ends.
    """

    done = Signal(object)
    error = Signal(object)
    cancelled = Signal()
    _running: set[Task] = set()

    def __init__(
        self,
        parent: QWidget,
        work: Work,
        *,
        label: str | None = None,
        maximum: int = 0,
    ):
        super().__init__(parent)
        self._cancel_flag = threading.Event()
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progress)
        self._relay.succeeded.connect(self._on_success)
        self._relay.failed.connect(self._on_failure)
        self._runner = _Runner(work, self._relay, self._cancel_flag)
        self.dialog: QProgressDialog | None = None
        if label is not None:
            self.dialog = QProgressDialog(label, self.tr("Annuler"), 0, maximum, parent)
            self.dialog.setWindowTitle(self.tr("Mon Master Desk"))
            self.dialog.setWindowModality(Qt.WindowModality.NonModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.setValue(0)
            self.dialog.canceled.connect(self.cancel)

    def start(self) -> Task:
        Task._running.add(self)
        QThreadPool.globalInstance().start(self._runner)
        return self

    @property
    def is_cancelled(self) -> bool:
        return self._cancel_flag.is_set()

    @Slot()
    def cancel(self) -> None:
        self._cancel_flag.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Annulation en cours…"))

    @Slot(int, str)
    def _on_progress(self, value: int, text: str) -> None:
        if self.dialog is not None and not self.is_cancelled:
            self.dialog.setValue(value)
            if text:
                self.dialog.setLabelText(text)

    def _finish(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        Task._running.discard(self)
        self.deleteLater()

    @Slot(object)
    def _on_success(self, result: object) -> None:
        if self.is_cancelled:
            self.cancelled.emit()
        else:
            self.done.emit(result)
        self._finish()

    @Slot(object)
    def _on_failure(self, exc: object) -> None:
        self.error.emit(exc)
        self._finish()


def run_task(
    parent: QWidget,
    work: Work,
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    label: str | None = None,
    maximum: int = 0,
    on_cancelled: Callable[[], None] | None = None,
) -> Task:
    """Start ``work`` in the thread pool; callbacks run on the GUI thread."""
    task = Task(parent, work, label=label, maximum=maximum)
    task.done.connect(on_done)
    task.error.connect(on_error)
    if on_cancelled is not None:
        task.cancelled.connect(on_cancelled)
    return task.start()
