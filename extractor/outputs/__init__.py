"""Output formats of records."""
