"""Imports after PySide6, without PySide6 reading every module's source.

PySide6 offers optional ``from __feature__ import snake_case, true_property``. To know which
modules may select them, it looks at each module imported after it: its hook reads the
module's whole source file (``inspect.getsource``) and searches it for « PySide6 ». The window
imports some 250 modules after its first paint (SQLAlchemy, the models, the controllers), each
read and split into lines only for that.

The desk selects no feature. Here the question is answered without reading any file: a
module of the desk uses PySide6 when it holds a PySide6 module, class or function once
imported, which is the source scan's answer for every module of the window (a module naming
PySide6 only inside a function is left out of the feature switching, as PySide6 leaves any
module whose source it cannot read). Other packages (SQLAlchemy, the standard library...) are
left out: with no feature selected anywhere, being left out changes nothing for them. Where
PySide6 no longer has this hook, nothing is changed.
"""

from __future__ import annotations

import logging
from types import ModuleType

log = logging.getLogger(__name__)

_QT = ("PySide6", "shiboken6")
_DESK = "monmaster_desktop"


def uses_pyside(module: object) -> bool:
    """Our answer to PySide6's question, from the module's names instead of its source."""
    name = getattr(module, "__name__", None)
    if not (isinstance(name, str) and name.partition(".")[0] == _DESK):
        return False
    source = getattr(module, "__file__", None)
    if not (isinstance(source, str) and source.endswith(".py")):
        return False  # built in, compiled or sourceless: PySide6's scan says no as well
    for value in list(getattr(module, "__dict__", {}).values()):
        if isinstance(value, ModuleType):
            where = value.__name__
        else:
            where = getattr(value, "__module__", None)
            if not isinstance(where, str):
                where = type(value).__module__
        if where.startswith(_QT):
            return True
    return False


def skip_feature_source_scan() -> bool:
    """Replace PySide6's source scan by ``uses_pyside``; False where PySide6 has none."""
    import PySide6  # noqa: F401 - its support package is loaded with it

    try:
        import shibokensupport.feature as feature  # type: ignore[import-not-found]
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide6 has no source scan to skip")
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
