"""Draw the neutral placeholder logo (resources/sheet/logo.png); an office replaces the PNG."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

SIZE = 512


def draw_logo(size: int = SIZE) -> QImage:
    """A navy rounded square holding a serif « U » over a thin rule and « SCOLARITÉ »."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    square = QRectF(8, 8, size - 16, size - 16)
    path = QPainterPath()
    path.addRoundedRect(square, size * 0.16, size * 0.16)
    painter.fillPath(path, QColor("#1f3a5f"))
    painter.setPen(QPen(QColor("#c9a227"), size * 0.012))
    inner = square.adjusted(size * 0.06, size * 0.06, -size * 0.06, -size * 0.06)
    painter.drawRoundedRect(inner, size * 0.11, size * 0.11)

    painter.setPen(QColor("white"))
    letter = QFont("DejaVu Serif")
    letter.setPixelSize(int(size * 0.46))
    letter.setBold(True)
    painter.setFont(letter)
    painter.drawText(
        QRectF(0, size * 0.10, size, size * 0.52), Qt.AlignmentFlag.AlignCenter, "U"
    )
    painter.setPen(QPen(QColor("#c9a227"), size * 0.01))
    painter.drawLine(int(size * 0.30), int(size * 0.66), int(size * 0.70), int(size * 0.66))
    painter.setPen(QColor("white"))
    caption = QFont("DejaVu Sans")
    caption.setPixelSize(int(size * 0.075))
    caption.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
    painter.setFont(caption)
    painter.drawText(
        QRectF(0, size * 0.68, size, size * 0.14), Qt.AlignmentFlag.AlignCenter, "SCOLARITÉ"
    )
    painter.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    target = Path(__file__).with_name("logo.png")
    draw_logo().scaled(
        256, 256, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).save(str(target))
    print(target)
