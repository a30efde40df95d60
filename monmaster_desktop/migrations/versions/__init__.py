"""migrations/versions."""
