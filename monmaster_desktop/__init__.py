"""Mon Master Desk: the registrar office's desk for Mon Master applications and enrolment."""


def __getattr__(name: str) -> str:
    """``__version__``, read from the package metadata when first asked for.

    ``pyproject.toml``'s ``version`` is the one source of the version. Reading it loads
    ``importlib.metadata`` (tens of milliseconds), which the window's first paint does not need.
    """
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("monmaster-desktop")
    except PackageNotFoundError:  # run from a source tree that was never installed
        value = "0+inconnue"
    globals()["__version__"] = value
    return value
