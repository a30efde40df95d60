"""ui: the desk's windows.

Importing it first makes the modules loaded after PySide6 cheaper to import (see
``ui.imports``): the window loads some 250 of them after its first paint.
"""

from monmaster_desktop.ui.imports import skip_feature_source_scan

skip_feature_source_scan()
