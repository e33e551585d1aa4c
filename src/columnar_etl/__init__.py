"""columnar_etl: SQLite help-desk exports into PostgreSQL, profiled, cleaned, typed and versioned."""

__version__ = "0.1.0"
