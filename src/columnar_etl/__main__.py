"""``python -m columnar_etl``."""

from columnar_etl.cli import main

main()
