"""Shared form widgets: a DD/MM/YYYY date field, a country picker, a message beside a field,
a label that elides itself."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QRegularExpression,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.domain import fold
from monmaster_desktop.io.countries import all_countries

_DATE = re.compile(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})|(\d{2})(\d{2})(\d{4})")
FOLD_ROLE = Qt.ItemDataRole.UserRole + 1


def fr_date(day: date | None) -> str:
    """``26/02/2024``, or an empty string for no date."""
    return day.strftime("%d/%m/%Y") if day else ""


def domain_tr(text: str) -> str:
    """A French label of ``domain`` (status, route, flag...) in the interface language."""
    return QCoreApplication.translate("domain", text)


def parse_fr_date(text: str) -> date | None:
    """The date of ``26/02/2024`` (also ``26.02.2024``, ``26022024``); None when it is none."""
    match = _DATE.fullmatch(text.strip())
    if not match:
        return None
    day, month, year = (int(g) for g in (match.groups()[:3] if match[1] else match.groups()[3:]))
    try:
        return date(year, month, day)
    except ValueError:
        return None


class DateField(QLineEdit):
    """A date typed and shown as DD/MM/YYYY; may be left empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9/.\- ]{0,10}"), self)
        )
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.editingFinished.connect(self._tidy)

    def date(self) -> date | None:
        return parse_fr_date(self.text())

    def set_date(self, day: date | None) -> None:
        self.setText(fr_date(day))

    def is_empty(self) -> bool:
        return not self.text().strip()

    def input_problem(self, label: str) -> str | None:
        """A sentence when something is typed that is not a date (empty is not a problem here)."""
        if self.is_empty() or self.date() is not None:
            return None
        return self.tr("%1 : date attendue au format JJ/MM/AAAA (par exemple 26/02/2024).").replace(
            "%1", label
        )

    def _tidy(self) -> None:
        day = self.date()
        if day is not None and self.text() != fr_date(day):
            self.setText(fr_date(day))


class _FoldingCompleter(QCompleter):
    """Completes on names compared without case or accents: « cote » finds « Côte d'Ivoire »."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex) -> str:  # noqa: N802 - Qt override
        return index.data(Qt.ItemDataRole.DisplayRole)


class CountryPicker(QComboBox):
    """Choose a country by its name (French, or English in English), its code, or part of its
    name without accents."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Long names (« Saint-Vincent-et-les-Grenadines ») must not widen the whole form.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(9)
        self.setMaxVisibleItems(15)
        self.addItem("", None)
        self._by_key: dict[str, int] = {}
        # Names in the interface's language (install_translators sets the default locale);
        # a name typed in the other language is still understood.
        english = QLocale().language() == QLocale.Language.English
        countries = all_countries()
        if english:
            countries = sorted(countries, key=lambda c: fold(c[2]))
        for code, name_fr, name_en in countries:
            shown = name_en if english else name_fr
            self.addItem(shown, code)
            row = self.count() - 1
            self.setItemData(row, fold(shown), FOLD_ROLE)
            self._by_key[fold(name_en if not english else name_fr)] = row
            self._by_key[fold(shown)] = row
            self._by_key[code.casefold()] = row
        completer = _FoldingCompleter(self.model(), self)
        completer.setCompletionRole(FOLD_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        completer.popup().installEventFilter(self)
        self.lineEdit().installEventFilter(self)
        self.lineEdit().setPlaceholderText(self.tr("nom ou code du pays"))
        self.lineEdit().editingFinished.connect(self.code)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Tab in the completion list takes the best match and moves on, as a clerk expects."""
        popup = self.completer().popup()
        if (
            watched in (popup, self.lineEdit())
            and popup.isVisible()
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            row = self._best_completion()
            popup.hide()
            if row is not None:
                self.setCurrentIndex(row)
            if event.key() == Qt.Key.Key_Tab:
                self.focusNextChild()
            else:
                self.focusPreviousChild()
            return True
        return super().eventFilter(watched, event)

    def _best_completion(self) -> int | None:
        """The row of the list to take: the one highlighted, else the exact, prefix, first match."""
        completer = self.completer()
        popup = completer.popup()
        if popup.currentIndex().isValid():
            return self.findText(popup.currentIndex().data())
        typed = fold(self.currentText())
        names = [
            completer.completionModel().index(row, 0).data()
            for row in range(completer.completionCount())
        ]
        for wanted in (
            lambda name: fold(name) == typed,
            lambda name: fold(name).startswith(typed),
            lambda name: True,
        ):
            for name in names:
                if wanted(name):
                    return self.findText(name)
        return None

    def code(self) -> str | None:
        """The ISO code of what is shown, resolving a typed name or code; None if none."""
        text = self.currentText()
        key = fold(text)
        if not key:
            self.setCurrentIndex(0)
            return None
        if key == fold(self.itemText(self.currentIndex())) and self.currentIndex() > 0:
            return self.currentData()
        row = self._by_key.get(key)
        if row is None:
            return None
        self.setCurrentIndex(row)
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        row = self.findData(code) if code else 0
        self.setCurrentIndex(max(row, 0))
        if row < 0:  # an unknown code stays visible, so the clerk sees what is stored
            self.setEditText(code or "")


class FieldMessage(QLabel):
    """What is wrong with the field above, in red; hidden when nothing is."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_messages(self, messages: list[str]) -> None:
        self.setText("\n".join(dict.fromkeys(messages)))
        self.setVisible(bool(messages))


def ask(
    parent: QWidget,
    title: str,
    text: str,
    choices: list[tuple[str, str, QMessageBox.ButtonRole]],
    *,
    default: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str:
    """Ask the clerk to choose; returns the key of the chosen button (Esc: the reject one)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {}
    for key, label, role in choices:
        button = box.addButton(label, role)
        buttons[button] = key
        if key == default:
            box.setDefaultButton(button)
    box.exec()
    clicked = box.clickedButton()
    if clicked in buttons:
        return buttons[clicked]
    rejecting = [key for key, _, role in choices if role is QMessageBox.ButtonRole.RejectRole]
    return rejecting[0] if rejecting else default


def add_checked_field(
    form: QFormLayout, text: str, widget: QWidget, name: str, messages: dict[str, FieldMessage]
) -> FieldMessage:
    """A form row: the label (its mnemonic focuses ``widget``), the widget, and under it the
    message line where the controller's refusal for field ``name`` is shown."""
    label = QLabel(text)
    label.setBuddy(widget)
    message = FieldMessage()
    message.setObjectName(f"message_{name}")
    messages[name] = message
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(widget)
    box.addWidget(message)
    form.addRow(label, box)
    return message


def show_field_messages(
    found: dict[str, list[str]], messages: dict[str, FieldMessage], general: FieldMessage
) -> None:
    """Each field's messages under it; those of no known field (and "general") at the foot."""
    rest = list(found.get("general", []))
    for name, texts in found.items():
        if name != "general" and name not in messages:
            rest += texts
    for name, message in messages.items():
        message.show_messages(found.get(name, []))
    general.show_messages(rest)


class TypeAheadCombo(QComboBox):
    """A drop-down chosen by typing the start of an item, spaces included (« liste d »).

    Qt's own type-ahead stops at a space (Space opens the list); here, letters typed within a
    second of each other build one prefix, compared without case or accents. Space opens the
    list only when nothing is being typed.
    """

    TYPING_MS = 1000

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(9)
        self._typed = ""
        self._clock = QElapsedTimer()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if plain and text and text.isprintable() and (text != " " or self._typing()):
            self._typed = (self._typed if self._typing() else "") + text
            self._clock.restart()
            row = self.match_row(self._typed)
            if row is not None:
                self.setCurrentIndex(row)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and self._typing():
            self._typed = self._typed[:-1]
            self._clock.restart()
            event.accept()
            return
        self._typed = ""
        super().keyPressEvent(event)

    def match_row(self, typed: str) -> int | None:
        """The first item starting with ``typed``, else the first with a word starting so
        (« liste d » finds « En liste d'attente »)."""
        wanted = fold(typed)
        texts = [fold(self.itemText(row)) for row in range(self.count())]
        for row, text in enumerate(texts):
            if text.startswith(wanted):
                return row
        for row, text in enumerate(texts):
            if f" {wanted}" in f" {text}".replace("'", " "):
                return row
        return None

    def _typing(self) -> bool:
        return bool(self._typed) and self._clock.isValid() and (
            self._clock.elapsed() < self.TYPING_MS
        )


class ElidedLabel(QLabel):
    """One line of text that gives up its room first: cut with « … » when the window is
    narrow (``text()`` stays whole), the whole text in its tooltip unless another is set.

    Status bar labels of this kind leave the room to the server's state at 800 pixels.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        keep: str = "Base : x…",
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
    ):
        super().__init__(parent)
        self._keep = keep  # the narrowest it goes: as wide as this text
        self._elide = elide
        self._own_tooltip = False

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        if not self._own_tooltip:
            super().setToolTip(text)

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt override
        self._own_tooltip = bool(text)
        super().setToolTip(text or self.text())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._keep) + margins.left() + margins.right()
        return QSize(min(hint.width(), width), hint.height())

    def shown_text(self) -> str:
        """What the label shows at its present width."""
        return self.fontMetrics().elidedText(self.text(), self._elide, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
