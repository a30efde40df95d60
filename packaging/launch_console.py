"""Frozen entry point of ``monmaster-desktop``: the command line, or the window without arguments."""

import sys

from monmaster_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
