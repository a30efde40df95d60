"""F1 in every window: the keyboard shortcuts read from the window's own actions and shortcuts.

The list is never written by hand: every QAction of the window (menus included) and every
QShortcut that carries a description (``setWhatsThis``) is listed with its keys, in the
interface language (Qt's catalogue says « Maj », « Suppr », « Échap » in French, « Shift »,
« Del », « Esc » in English).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def keys_text(sequences: list[QKeySequence]) -> str:
    """« Ctrl+Maj+P » in French, « Ctrl+Shift+P » in English; several keys joined by « , ».

    French names come from Qt's French catalogue; in English the portable names are Qt's own
    English ones, whatever catalogue is loaded."""
    english = QLocale().language() == QLocale.Language.English
    form = QKeySequence.SequenceFormat.PortableText if english else (
        QKeySequence.SequenceFormat.NativeText
    )
    return ", ".join(dict.fromkeys(s.toString(form) for s in sequences if not s.isEmpty()))


def _label(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".… ").strip()


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) of every action and described shortcut of ``window``, in creation order."""
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    objects = list(window.actions()) + window.findChildren(QObject)
    for item in objects:
        if isinstance(item, QAction):
            keys, what = keys_text(item.shortcuts()), _label(item.text())
        elif isinstance(item, QShortcut) and item.whatsThis():
            keys, what = keys_text(item.keys()), item.whatsThis()
        else:
            continue
        if keys and what and (what, keys) not in seen:
            seen.add((what, keys))
            rows.append((what, keys))
    return rows


class ShortcutsDialog(QDialog):
    """The shortcuts of one window, as a two-column table; Esc or Enter closes it."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        title = window.windowTitle().replace("[*]", "")
        self.setWindowTitle(QCoreApplication.translate("Shortcuts", "Raccourcis clavier — %1").replace("%1", title))
        self.rows = window_shortcuts(window)
        table = "".join(
            f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
            for what, keys in self.rows
        )
        self.text = QLabel(f"<table cellspacing='4'>{table}</table>")
        self.text.setObjectName("shortcuts")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Raccourcis clavier"))
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        from monmaster_desktop.ui.screen import fit_to_screen

        hint = self.text.sizeHint()
        fit_to_screen(self, hint.width() + 60, hint.height() + 90)


def show_shortcuts(window: QWidget) -> ShortcutsDialog:
    """Open the list of ``window``'s shortcuts (modal to that window)."""
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def add_help_action(window: QWidget) -> QAction:
    """F1 on ``window`` lists its shortcuts (the F1 action itself is listed too)."""
    action = QAction(QCoreApplication.translate("Shortcuts", "Raccourcis clavier"), window)
    action.setObjectName("help_shortcuts")
    action.setShortcut(QKeySequence("F1"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: show_shortcuts(window))
    window.addAction(action)
    return action


class HelpKeyFilter(QObject):
    """F1 in a window that has no F1 action of its own (tool dialogs) lists its shortcuts."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F1:
            window = QApplication.activeWindow()
            if window is not None and not isinstance(window, ShortcutsDialog):
                show_shortcuts(window)
                return True
        return False


def described_shortcut(
    parent: QWidget,
    keys: str | QKeySequence.StandardKey | list[str],
    what: str,
    slot,  # noqa: ANN001 - any callable
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QShortcut:
    """A shortcut that F1 lists under ``what``."""
    shortcut = QShortcut(parent)
    if isinstance(keys, list):
        shortcut.setKeys([QKeySequence(k) for k in keys])
    else:
        shortcut.setKeys(QKeySequence.keyBindings(keys) if isinstance(keys, QKeySequence.StandardKey) else [QKeySequence(keys)])
    shortcut.setWhatsThis(what)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut
