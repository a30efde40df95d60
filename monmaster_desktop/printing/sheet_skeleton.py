"""A sheet's document made from its skeleton: the HTML parsed once per batch, values put in.

Qt parses a sheet's HTML and applies the template's style sheet to every element before it can
lay anything out; on a thousand sheets that was the largest part of the time left, although
the sheets differ only by their values (a name, a number, some dates) and by which of a few
dozen sentences and boxes they hold. So while a sheet's HTML is made, each value the program
puts in it (``slot``, ``formatted``) is replaced by a character of its own: the HTML left, the
skeleton, is the same for all the sheets in the same situation. Each skeleton is parsed once;
a sheet's document is a copy of it with the values typed in place of those characters, in the
format Qt gave them. Qt then lays out the sheet as it would have laid out its HTML.

Only a value that HTML reads as it is gets a slot (printable, no leading, trailing or double
space); the others stay in the HTML. A skeleton whose slots do not all come back as text (an
office template that puts a value in an attribute, say) is not used: the sheet's own HTML is
parsed, as before.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment, QTextFrameFormat

#: The characters that stand for values: private use, after the applications anchor (U+E000).
FIRST_SLOT = 0xE100
MAX_SLOTS = 0x700
_SLOT = re.compile(f"[{chr(FIRST_SLOT)}-{chr(FIRST_SLOT + MAX_SLOTS - 1)}]")
#: What a value with a slot may not hold: private use (slots, anchors), objects, double spaces.
_UNSLOTTABLE = re.compile("[\ue000-\uf8ff\ufffc]|  ")
#: Skeletons kept per batch; beyond, the cache starts again (a batch has a few dozen).
MAX_SKELETONS = 512

_collected: ContextVar[list[str] | None] = ContextVar("sheet_slots", default=None)


def _slottable(text: str) -> bool:
    """Whether HTML would read ``text`` (escaped) back as it is, in any text context."""
    return (
        bool(text)
        and text.isprintable()
        and text == text.strip()
        and _UNSLOTTABLE.search(text) is None
    )


def slot(text: str) -> str | None:
    """While a skeleton is made, the character standing for ``text`` (recorded); else None."""
    values = _collected.get()
    if values is None or len(values) >= MAX_SLOTS or not _slottable(text):
        return None
    values.append(text)
    return chr(FIRST_SLOT + len(values) - 1)


def escaped(value: object) -> str:
    """``value`` as HTML text: escaped, or its slot while a skeleton is made."""
    text = str(value)
    return slot(text) or html.escape(text)


def _plain_fields(text: str) -> bool:
    """Whether every placeholder of a sentence is a bare ``{name}`` (no format, no attribute)."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return False
    return all(
        name is None or (name.isidentifier() and not spec and conversion is None)
        for _literal, name, spec, conversion in fields
    )


def formatted(text: str, values: Mapping[str, object]) -> str:
    """``text.format(**values)``; while a skeleton is made, bare placeholders get slots."""
    if _collected.get() is None or not _plain_fields(text):
        return text.format(**values)
    return text.format(**{key: slot(str(value)) or value for key, value in values.items()})


@contextmanager
def collecting() -> Iterator[list[str]]:
    """Make a skeleton: inside, ``slot`` records values and gives their characters."""
    values: list[str] = []
    token = _collected.set(values)
    try:
        yield values
    finally:
        _collected.reset(token)


def _slots_in(text: str) -> list[int]:
    """Where the slot characters are in ``text``, in order."""
    return [found.start() for found in _SLOT.finditer(text)]


def _each_once(text: str, positions: list[int], slots: int) -> bool:
    """Whether the characters at ``positions`` are the ``slots`` first slots, each once."""
    return sorted(ord(text[p]) - FIRST_SLOT for p in positions) == list(range(slots))


class Skeletons:
    """The parsed skeletons of one batch, by their HTML; ``document`` makes a sheet's document.

    ``prepare`` readies every new document before it gets content (resources, no undo,
    margins). The documents come with a null page size: Qt lays nothing out until the caller
    gives them their page, so a sheet is laid out once, when it is whole.
    """

    def __init__(self, prepare: Callable[[QTextDocument], None]):
        self._prepare = prepare
        self._parsed: dict[str, tuple[QTextDocumentFragment, QTextFrameFormat] | None] = {}

    def _new(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setPageSize(QSizeF(0, 0))
        self._prepare(doc)
        return doc

    def document(self, make_html: Callable[[], str]) -> QTextDocument:
        """The document of the HTML ``make_html()`` returns, values typed into its skeleton."""
        with collecting() as values:
            skeleton_html = make_html()
        skeleton = self._skeleton(skeleton_html, len(values))
        if skeleton is not None:
            content, root = skeleton
            doc = self._new()
            QTextCursor(doc).insertFragment(content)  # what QTextDocument.clone() does
            doc.rootFrame().setFrameFormat(root)
            if _fill(doc, values):
                return doc
            self._parsed[skeleton_html] = None  # the slots do not all come back as text
        doc = self._new()
        doc.setHtml(make_html())
        return doc

    def _skeleton(
        self, skeleton_html: str, slots: int
    ) -> tuple[QTextDocumentFragment, QTextFrameFormat] | None:
        if skeleton_html in self._parsed:
            return self._parsed[skeleton_html]
        if len(self._parsed) >= MAX_SKELETONS:
            self._parsed.clear()
        skeleton = None
        if _each_once(skeleton_html, _slots_in(skeleton_html), slots):
            doc = self._new()
            doc.setHtml(skeleton_html)
            skeleton = (QTextDocumentFragment(doc), doc.rootFrame().frameFormat())
        self._parsed[skeleton_html] = skeleton
        return skeleton


def _fill(doc: QTextDocument, values: list[str]) -> bool:
    """Type each value over its slot character, in that character's format. False, and ``doc``
    unusable, when the slots are not each once in the document's text."""
    text = doc.toPlainText()  # one character per position, from position 0
    positions = _slots_in(text)
    if not _each_once(text, positions, len(values)):
        return False
    cursor = QTextCursor(doc)
    for position in reversed(positions):  # from the end: the positions before stay true
        value = values[ord(text[position]) - FIRST_SLOT]
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(value, cursor.charFormat())
    return True
