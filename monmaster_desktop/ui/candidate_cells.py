"""How the candidate table draws its cells: texts laid out once, badges for the flags.

A keystroke repaints some 200 cells; Qt's own item drawing lays each text out again on every
paint (a ``QTextLayout`` a cell). Here a cell's text is laid out once per text and width
(``QStaticText``), and the many cells that repeat a text (« Oui », « 5/15 · alt. 0/15 », a
deadline, a programme) share it. A selected or focused cell is drawn by Qt's style itself.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from monmaster_desktop.ui.candidate_table import (
    _NOT_ELIGIBLE,
    COUNTED,
    DEADLINE,
    ELIGIBLE,
    FLAG_COLOURS,
    CandidateTableModel,
    Index,
    flag_labels,
    text_margin,
)

_CENTRED = Qt.AlignmentFlag.AlignCenter
_LEFTED = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_CENTRED_COLUMNS = frozenset({ELIGIBLE, COUNTED, DEADLINE})
#: Cells Qt's style draws itself: the selection's colours and the focus frame are its own.
_STYLED = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
_ENABLED = QStyle.StateFlag.State_Enabled
_ACTIVE = QStyle.StateFlag.State_Active
#: Texts laid out and kept, per font, before the oldest are let go (a screenful is ~200).
KEPT_TEXTS = 4000


class CellTexts:
    """Draws cell texts in one font where Qt's style would, elided (« … ») when wider than
    the cell.

    A text is measured once per width; the first time it is drawn as it is (a keystroke's new
    names and numbers, most of them shown once), from the second time on it is laid out for
    good (``QStaticText``: « Oui », « 5/15 · alt. 0/15 », a deadline, a programme, a row
    painted again)."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self._metrics = QFontMetricsF(font)
        self._ascent = self._metrics.ascent()
        line = QStaticText("Ég")  # a line's height as Qt lays one out
        line.prepare(font=font)
        self._height = int(line.size().height())
        self._texts: dict[tuple[str, int], list] = {}

    def draw(self, painter: QPainter, text: str, rect: QRect, margin: int, centred: bool) -> None:
        """``text`` in ``rect`` less ``margin`` left and right, centred or on the left."""
        width = rect.width() - 2 * margin
        entry = self._texts.get((text, width))
        static = None
        if entry is None:
            if len(self._texts) >= KEPT_TEXTS:
                self._texts.clear()
            shown, advance = text, self._metrics.horizontalAdvance(text)
            if advance > width:
                shown = QFontMetrics(self.font).elidedText(text, Qt.TextElideMode.ElideRight, width)
                advance = self._metrics.horizontalAdvance(shown)
            entry = self._texts[(text, width)] = [shown, advance, None]
        else:
            static = entry[2]
            if static is None:
                static = entry[2] = QStaticText(entry[0])
                static.setTextFormat(Qt.TextFormat.PlainText)
                static.prepare(font=self.font)
        x = rect.left() + margin
        if centred:
            x += (width - entry[1]) / 2
        top = rect.top() + (rect.height() - self._height) // 2
        if static is None:
            painter.setFont(self.font)
            painter.drawText(QPointF(x, top + self._ascent), entry[0])
        else:
            painter.drawStaticText(QPointF(x, top), static)


class RowTextDelegate(QStyledItemDelegate):
    """Draws a cell from the row the model worked out once (``ShownRow``).

    Qt's own delegate asks the model for seven roles a cell, each a call from Qt into Python,
    and lays the text out at every paint; this one draws the cell's text, laid out once, in
    the cell's alignment and colour, in one call a cell. A selected or focused cell goes
    through ``initStyleOption`` and Qt's style (the same text, alignment and colour). The
    model's ``data()`` still answers every role for everyone else.

    The view's font and palette are taken at the first paint and kept until the view says
    they changed (``forget_looks``)."""

    def __init__(self, model: CandidateTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self._model = model
        self._features: dict = {}
        self._margin = text_margin(parent)
        self._texts: CellTexts | None = None
        #: An unselected cell's pens (its text, a « Non » not eligible) per item state.
        self._pens: dict = {}

    def forget_looks(self) -> None:
        """The view's font, palette or style changed: texts and colours are taken again."""
        self._texts = None
        self._pens.clear()

    def texts(self, option: QStyleOptionViewItem) -> CellTexts:
        if self._texts is None:
            self._texts = CellTexts(option.font)
        return self._texts

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        option.index = index
        option.styleObject = None
        column = index.column()
        option.displayAlignment = _CENTRED if column in _CENTRED_COLUMNS else _LEFTED
        shown = self._model.shown_row(index.row())
        if shown is None:
            return
        features = option.features
        with_text = self._features.get(features)
        if with_text is None:
            with_text = self._features[features] = features | _HAS_DISPLAY
        option.features = with_text
        option.text = shown.texts[column]
        if column == ELIGIBLE and not shown.row.eligible:
            palette = option.palette
            palette.setColor(QPalette.ColorRole.Text, _NOT_ELIGIBLE)
            option.palette = palette

    def _plain_pens(self, option: QStyleOptionViewItem) -> tuple[QPen, QPen] | None:
        """The pens of an unselected cell in this state; None for a cell Qt's style draws."""
        state = option.state
        pens = self._pens.get(state)
        if pens is None and not state & _STYLED and state & _ENABLED:
            group = QPalette.ColorGroup.Active if state & _ACTIVE else QPalette.ColorGroup.Inactive
            text = option.palette.color(group, QPalette.ColorRole.Text)
            pens = self._pens[state] = (QPen(text), QPen(_NOT_ELIGIBLE))
        return pens

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        pens = self._plain_pens(option)
        if pens is None:
            super().paint(painter, option, index)
            return
        shown = self._model.shown_row(index.row())
        if shown is None:
            return
        column = index.column()
        text = shown.texts[column]
        if not text:
            return
        painter.setPen(pens[1] if column == ELIGIBLE and not shown.row.eligible else pens[0])
        texts = self._texts or self.texts(option)
        texts.draw(painter, text, option.rect, self._margin, column in _CENTRED_COLUMNS)


class FlagBadgeDelegate(RowTextDelegate):
    """Paints the flags as small coloured badges with their short French label.

    Label widths are measured, and labels laid out, once per font (a repaint draws some 25
    rows of badges); the labels' texts are taken once per language."""

    H_PAD, GAP = 6, 4

    def __init__(self, model: CandidateTableModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self._fonts: dict[str, tuple[QFontMetrics, dict[str, int]]] = {}
        self._colours = {code: (QColor(fg), QColor(bg)) for code, (fg, bg) in FLAG_COLOURS.items()}
        self._other = (QColor("#333333"), QColor("#e8e8e8"))
        #: The flags' (full, short) texts in the interface's language, taken once.
        self._labels: dict[str, tuple[str, str]] | None = None

    def forget_looks(self) -> None:
        super().forget_looks()
        self._labels = None

    def _labels_of(self, code: str) -> tuple[str, str]:
        if self._labels is None:
            self._labels = flag_labels()
        return self._labels.get(code, (code, code))

    def _measures(self, font) -> tuple[QFontMetrics, dict[str, int]]:  # noqa: ANN001
        key = font.key()
        found = self._fonts.get(key)
        if found is None:
            metrics = QFontMetrics(font)
            found = self._fonts[key] = (metrics, {"+9": metrics.horizontalAdvance("+9")})
        return found

    def _width(self, widths: dict[str, int], metrics: QFontMetrics, label: str) -> int:
        width = widths.get(label)
        if width is None:
            width = widths[label] = metrics.horizontalAdvance(label)
        return width

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if self._plain_pens(option) is None:
            # The selection's background and the focus frame: Qt's style, without the text.
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style = opt.widget.style() if opt.widget else QApplication.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        # An unselected cell's background is the view's (its row's colour): nothing to draw.
        shown = self._model.shown_row(index.row())
        flags = shown.flags if shown is not None else ()
        if not flags:
            return
        font = option.font
        metrics, widths = self._measures(font)
        texts = self._texts or self.texts(option)
        rect = option.rect
        height = min(rect.height() - 4, metrics.height() + 4)
        top = rect.top() + (rect.height() - height) // 2
        x = rect.left() + self.GAP
        right = rect.right() - self.GAP
        more = widths["+9"] + 2 * self.H_PAD
        # Full labels when they all fit, else the short ones (« Retard », « Motifs »), else
        # as many as fit and « +N ».
        pairs = [self._labels_of(code) for code in flags]
        labels = [full for full, _short in pairs]
        needed = sum(self._width(widths, metrics, label) + 2 * self.H_PAD for label in labels)
        if x + needed + self.GAP * (len(labels) - 1) > right:
            labels = [short for _full, short in pairs]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        for shown, code in enumerate(flags):
            label = labels[shown]
            width = self._width(widths, metrics, label) + 2 * self.H_PAD
            rest = len(flags) - shown - 1
            if x + width > right or (rest and x + width + more > right):
                painter.setPen(option.palette.color(QPalette.ColorRole.Text))
                painter.drawText(
                    QRect(x, top, right - x, height),
                    Qt.AlignmentFlag.AlignVCenter,
                    f"+{len(flags) - shown}",
                )
                break
            fg, bg = self._colours.get(code, self._other)
            painter.setPen(fg)
            painter.setBrush(bg)
            box = QRect(x, top, width, height)
            painter.drawRoundedRect(box, height / 2.5, height / 2.5)
            texts.draw(painter, label, box, 0, True)
            x += width + self.GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        flags = index.data(CandidateTableModel.FLAGS_ROLE) or ()
        metrics, widths = self._measures(option.font)
        width = sum(
            self._width(widths, metrics, self._labels_of(c)[0]) + 2 * self.H_PAD + self.GAP
            for c in flags
        )
        return QSize(width + self.GAP, metrics.height() + 8)
