"""Gate 3: loading Arrow data into versioned PostgreSQL schemas."""
