"""Windows that fit the screen: sizes clamped to the available area, each dialog's place kept.

An office screen is often 1366×768 with a task bar, or 1920×1080 at 150 % (1280×720 logical):
a window, with its title bar, must never run off it (the main window's status bar carries the
reference date). Sizes are clamped to ``QScreen.availableGeometry()`` (the screen less the task
bar), and every dialog comes back where and as large as the clerk left it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

#: What a window manager adds around a window before it is shown (title bar, borders).
FRAME_ALLOWANCE = QSize(12, 40)


def screen_of(widget: QWidget) -> QScreen:
    """The screen the window is (or will be) on: its own, its parent's, else the primary."""
    window = widget.window()
    parent = window.parentWidget()
    for candidate in (window, parent.window() if parent is not None else None):
        if candidate is not None and candidate.isVisible() and candidate.screen() is not None:
            return candidate.screen()
    return QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    """The area a window of ``widget`` may use: its screen less the task bar."""
    return screen_of(widget).availableGeometry()


def _frame_extra(widget: QWidget) -> QSize:
    """Frame size around the client area: measured once shown, else the usual allowance."""
    window = widget.window()
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
        if extra.width() > 0 or extra.height() > 0:
            return extra
    return FRAME_ALLOWANCE


def clamped_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height`` made small enough for the window and its frame to fit."""
    area, extra = available(widget), _frame_extra(widget)
    minimum = widget.minimumSizeHint()
    max_w, max_h = area.width() - extra.width(), area.height() - extra.height()
    return QSize(
        max(min(width, max_w), min(minimum.width(), max_w)),
        max(min(height, max_h), min(minimum.height(), max_h)),
    )


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the wanted size, or less where the available screen is smaller."""
    widget.resize(clamped_size(widget, width, height))


def keep_inside(widget: QWidget) -> None:
    """Shrink and move a shown window so that its frame lies within the available area."""
    window = widget.window()
    area, extra = available(window), _frame_extra(window)
    size = clamped_size(window, window.width(), window.height())
    if size != window.size():
        window.resize(size)
    frame = QRect(window.frameGeometry().topLeft(), size + extra)
    x = min(max(frame.left(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.top(), area.top()), area.bottom() + 1 - frame.height())
    if QPoint(x, y) != frame.topLeft():
        window.move(QPoint(x, y))


def within_available(widget: QWidget) -> bool:
    """True when the window, frame included, lies inside its screen's available area."""
    window = widget.window()
    return available(window).contains(window.frameGeometry())


class _ScreenKeeper(QObject):
    """Restores a dialog's saved place on its first show, keeps it on screen, saves it on close."""

    def __init__(self, window: QWidget, key: str | None):
        super().__init__(window)
        self.key = key
        self.restored = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QWidget):
            if not self.restored and self.key:
                self.restored = True
                from monmaster_desktop.ui.preferences import Preferences

                saved = Preferences().layout(f"dialogs/{self.key}")
                if saved is not None:
                    watched.restoreGeometry(saved)
            keep_inside(watched)
            # A window manager tells the frame's size a moment after the window shows.
            QTimer.singleShot(150, self._settle)
        elif kind == QEvent.Type.Hide and self.key and isinstance(watched, QWidget):
            from monmaster_desktop.ui.preferences import Preferences

            preferences = Preferences()
            preferences.set_layout(f"dialogs/{self.key}", watched.saveGeometry())
            preferences.sync()
        return False

    def _settle(self) -> None:
        window = self.parent()
        if isinstance(window, QWidget) and window.isVisible():
            keep_inside(window)


def keep_on_screen(window: QWidget, key: str | None = None) -> None:
    """Keep ``window`` within the available screen; with ``key``, remember its size and place."""
    window.installEventFilter(_ScreenKeeper(window, key))
