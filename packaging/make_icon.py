"""Draw the application icon: resources/icons/monmaster-desktop.png and the Windows .ico.

QT_QPA_PLATFORM=offscreen python packaging/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
PNG = ROOT / "resources" / "icons" / "monmaster-desktop.png"
ICO = ROOT / "packaging" / "windows" / "monmaster-desktop.ico"


def draw(size: int) -> QImage:
    """A blue folder-like tile with « M » and a check mark: the desk that checks files."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f4e8c"))
    p.drawRoundedRect(QRectF(12 * s, 12 * s, 232 * s, 232 * s), 40 * s, 40 * s)
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(44 * s, 40 * s, 168 * s, 176 * s), 14 * s, 14 * s)
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(int(120 * s))
    p.setFont(font)
    p.setPen(QColor("#1f4e8c"))
    p.drawText(QRectF(44 * s, 40 * s, 168 * s, 130 * s), Qt.AlignmentFlag.AlignCenter, "M")
    pen = QPen(QColor("#2e8b57"), 18 * s)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.drawPolyline([QRectF(92 * s, 172 * s, 0, 0).topLeft(), QRectF(118 * s, 196 * s, 0, 0).topLeft(),
                    QRectF(166 * s, 150 * s, 0, 0).topLeft()])  # fmt: skip
    p.end()
    return image


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv)
    PNG.parent.mkdir(parents=True, exist_ok=True)
    if not draw(256).save(str(PNG)):
        return 1
    # Qt's ico writer keeps one size per file; 256 px is what Windows scales from.
    return 0 if draw(256).save(str(ICO), "ICO") else 1


if __name__ == "__main__":
    sys.exit(main())
