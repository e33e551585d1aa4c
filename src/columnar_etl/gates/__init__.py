"""Gate 0: environment checks."""
