"""File formats: import tables (.csv, .xlsx), cell parsers, countries, export writers."""
