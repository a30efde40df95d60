"""Alembic migrations shipped in the package; ``HEAD`` lets start-up skip Alembic when current."""

#: The newest revision in versions/ (a test keeps it in step with the scripts).
HEAD = "0006"
