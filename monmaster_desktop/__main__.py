"""``python -m monmaster_desktop``: the same as the ``monmaster-desktop`` command."""

import sys

from monmaster_desktop.cli import main

sys.exit(main())
