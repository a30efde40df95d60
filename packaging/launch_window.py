"""Frozen entry point of ``monmaster-desktop-window``: the window, with no console on Windows."""

import sys

from monmaster_desktop.cli import window_main

if __name__ == "__main__":
    sys.exit(window_main())
