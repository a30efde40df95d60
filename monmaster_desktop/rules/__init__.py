"""Pure Mon Master rules: no database, no Qt. Controllers feed them facts and act on decisions."""
