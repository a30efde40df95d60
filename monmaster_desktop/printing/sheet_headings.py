"""A sheet's headings stay with what follows them: never alone at the foot of a page.

A heading is what a template prints as one: a paragraph of the page's body (not in a table or a
box) whose text is all bold, on one line. That holds for the shipped template's ``p.h`` and for
an office's own ``h2`` or ``<b>`` titles, without the program knowing their class names, which
Qt does not keep. When what follows a heading starts on a later page, the heading goes there too.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlock, QTextCursor, QTextDocument, QTextFormat

#: A line Qt moves to the next page has its top a hair above the page's top (1/64 pixel).
_EPSILON = 1.0

_ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def headings(doc: QTextDocument) -> list[QTextBlock]:
    """The blocks that may be headings, in order (their lines are not looked at here, so the
    same list comes out of the same HTML before and after it is laid out)."""
    root = doc.rootFrame()
    found = []
    block = doc.begin()
    while block.isValid():
        if block.text().strip() and QTextCursor(block).currentFrame() == root and _bold(block):
            found.append(block)
        block = block.next()
    return found


def keep_headings_with_next(doc: QTextDocument, page_height: float, kept: set[int]) -> bool:
    """Send to the next page the first heading left at the foot of one (its index among
    ``headings`` goes into ``kept``). True when the document changed: lay out and ask again."""
    doc.pageCount()  # lays out what an edit left to lay out
    for index, block in enumerate(headings(doc)):
        if index in kept or block.layout().lineCount() != 1 or _breaks_before(block):
            continue
        following = _next_content(block)
        if following is None:
            continue
        if _page(_top(doc, following), page_height) <= _page(_top(doc, block), page_height):
            continue
        kept.add(index)
        _give_page_break(block, following)
        return True
    return False


def break_before_headings(doc: QTextDocument, kept: set[int]) -> None:
    """Give the headings of ``kept`` a page of their own again (a document made anew from the
    same HTML, with its tables restarted, has the same headings)."""
    for index, block in enumerate(headings(doc)):
        if index in kept:
            _give_page_break(block, _next_content(block))


def _bold(block: QTextBlock) -> bool:
    it = block.begin()
    seen = False
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.text().strip():
            if fragment.charFormat().fontWeight() < QFont.Weight.DemiBold:
                return False
            seen = True
        it += 1
    return seen


def _next_content(block: QTextBlock) -> QTextBlock | None:
    """The first block after ``block`` that prints something (a box's or a table's first
    cell counts; an empty paragraph does not)."""
    root = block.document().rootFrame()
    block = block.next()
    while block.isValid():
        if block.text().strip() or QTextCursor(block).currentFrame() != root:
            return block
        block = block.next()
    return None


def _top(doc: QTextDocument, block: QTextBlock) -> float:
    """Where the block's first line starts, in the document."""
    lines = block.layout()
    first = lines.lineAt(0).y() if lines.lineCount() else 0.0
    return doc.documentLayout().blockBoundingRect(block).top() + first


def _page(top: float, page_height: float) -> int:
    return int((top + _EPSILON) // page_height)


def _breaks_before(block: QTextBlock) -> bool:
    return bool(block.blockFormat().pageBreakPolicy() & _ALWAYS_BEFORE)


def _give_page_break(heading: QTextBlock, following: QTextBlock | None) -> None:
    """The heading opens the next page; what follows it no longer asks for one of its own."""
    root = heading.document().rootFrame()
    if following is not None:
        frame = QTextCursor(following).currentFrame()
        if frame is not None and frame != root:
            while frame.parentFrame() != root:
                frame = frame.parentFrame()
            fmt = frame.frameFormat()
            if fmt.pageBreakPolicy() & _ALWAYS_BEFORE:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
                frame.setFrameFormat(fmt)
        elif _breaks_before(following):
            fmt = following.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            QTextCursor(following).setBlockFormat(fmt)
    fmt = heading.blockFormat()
    fmt.setPageBreakPolicy(_ALWAYS_BEFORE)
    QTextCursor(heading).setBlockFormat(fmt)
