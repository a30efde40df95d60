"""Accessible names for screen readers: every control, table and header says what it is.

Names are given explicitly where only the window knows them (a table, a tab set), and derived
here only where the derivation is exact: a field takes the text of the label that announces it
(its buddy), the editor inside an editable combo box or a spin box takes its owner's name, and a
table's headers take the table's name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)


def label_text(label: QLabel) -> str:
    """A label's words as a screen reader should say them: no mnemonic « & », no final colon."""
    text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":").strip()


def name_table(view: QAbstractItemView, name: str) -> None:
    """Name a table or tree and its headers (« <name> : en-têtes des colonnes »)."""
    view.setAccessibleName(name)
    name_headers_of(view)


def name_headers_of(view: QAbstractItemView) -> None:
    """A named table's headers say whose headers they are."""
    name = view.accessibleName()
    if not name:
        return
    columns = QCoreApplication.translate("Accessibility", "%1 : en-têtes des colonnes")
    rows = QCoreApplication.translate("Accessibility", "%1 : en-têtes des lignes")
    if isinstance(view, QTableView):
        if not view.horizontalHeader().accessibleName():
            view.horizontalHeader().setAccessibleName(columns.replace("%1", name))
        if not view.verticalHeader().accessibleName():
            view.verticalHeader().setAccessibleName(rows.replace("%1", name))
    elif isinstance(view, QTreeView) and not view.header().accessibleName():
        view.header().setAccessibleName(columns.replace("%1", name))


def _inner_editor(widget: QWidget) -> QLineEdit | None:
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


def name_fields(root: QWidget) -> None:
    """Give every field announced by a label (its buddy) that label's words as its name, and
    the editor inside an editable combo box or spin box its owner's name. Names already set
    are kept."""
    for label in root.findChildren(QLabel):
        field = label.buddy()
        if field is not None and not field.accessibleName():
            words = label_text(label)
            if words:
                field.setAccessibleName(words)
    for widget in root.findChildren(QWidget):
        editor = _inner_editor(widget)
        if editor is not None and widget.accessibleName() and not editor.accessibleName():
            editor.setAccessibleName(widget.accessibleName())


def complete_names(root: QWidget) -> None:
    """Called at the end of a window's construction: fields take their labels' words, inner
    editors their owners' names, and every named table names its headers."""
    name_fields(root)
    for view in root.findChildren(QAbstractItemView):
        name_headers_of(view)
