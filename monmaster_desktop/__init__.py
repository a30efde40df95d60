"""Mon Master Desk: the registrar office's desk for Mon Master applications and enrolment."""

from importlib.metadata import PackageNotFoundError, version

#: Package metadata (``pyproject.toml``'s ``version``) is the one source of the version.
try:
    __version__ = version("monmaster-desktop")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+inconnue"
