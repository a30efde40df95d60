"""A 1366×768 offscreen screen for the screenshot scripts (Qt's own is 800×600, and the windows
fit the screen they are on, so they would be cut to 800 pixels)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

SCREEN = (1366, 768)


def use_clerk_screen(width: int = SCREEN[0], height: int = SCREEN[1]) -> None:
    """Unless another platform was asked for, render offscreen on a ``width``×``height`` screen."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen").split(":")[0] != "offscreen":
        return
    config = Path(tempfile.mkdtemp(prefix="monmaster-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": f"{width}x{height}", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))  # fmt: skip
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
