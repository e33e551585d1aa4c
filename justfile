# columnar_etl tasks. `just` lists them.
set shell := ["bash", "-euo", "pipefail", "-c"]

python := env("PYTHON", "python3")
paths := "src tests benchmarks data/fixtures"

# List the recipes
default:
    @just --list

# Lint: ruff (lint + format check) and mypy --strict on src/
lint:
    {{python}} -m ruff check {{paths}}
    {{python}} -m ruff format --check {{paths}}
    {{python}} -m mypy --strict src
    MYPYPATH=data/fixtures {{python}} -m mypy --strict -p export_generator

# Format the code and apply safe lint fixes
fmt:
    {{python}} -m ruff format {{paths}}
    {{python}} -m ruff check --fix {{paths}}

# Workers: pytest-xdist, at most 4, each starting its own embedded server; `just test -n 0` runs in one process
# Lint, then the fast suite (no slow scale test, no application corpus), one worker a core
test *args: lint
    {{python}} -m pytest -n auto --maxprocesses 4 {{args}}

# tests/test_app_databases.py: one whole run per application's own database, every cell checked
# The application-database corpus, one worker a core (no lint)
test-corpus *args:
    {{python}} -m pytest -m corpus -n auto --maxprocesses 4 tests/test_app_databases.py {{args}}

# The costliest property tests draw many examples (COLUMNAR_ETL_THOROUGH=1)
# Lint, then every test: the fast suite, the slow scale tests and the corpus, in one process
test-all *args: lint
    COLUMNAR_ETL_THOROUGH=1 {{python}} -m pytest -m "" {{args}}

# The peer table (run, floor, DuckDB, pgloader, executemany; whole process, rows verified) → .benchmarks/peers.json
bench *args:
    {{python}} benchmarks/peers.py {{args}}

# Stage micro-benchmarks (pytest-benchmark, one warm process), saved under .benchmarks/
bench-stages *args:
    {{python}} -m pytest benchmarks -m "not slow" --benchmark-enable --benchmark-autosave --benchmark-columns=min,median,max,rounds {{args}}

# Same as `just bench` (the name the docs and the peer JSON use)
bench-peers *args:
    {{python}} benchmarks/peers.py {{args}}

# README performance table and docs/peers.svg from .benchmarks/peers.json (never typed by hand)
bench-report *args:
    {{python}} benchmarks/report.py {{args}}

# Scaling: time and peak RSS per stage at scale 1, 2, 4, 10, 40 (10.4M rows), chart in .benchmarks/; slow
bench-scale *args:
    {{python}} benchmarks/scaling.py {{args}}
    {{python}} -m pytest benchmarks -m slow --benchmark-enable --benchmark-autosave --benchmark-columns=min,median,max,rounds

# Regenerate docs/configuration.md from the Settings object and docs/cli.md from the commands
docs:
    {{python}} -m columnar_etl.config_docs > docs/configuration.md
    {{python}} -m columnar_etl.cli.reference > docs/cli.md

# The bundled fixture into the embedded PostgreSQL, with source vs target row counts
demo:
    # Exit 2 is "done, with warnings": the fixture's dirt that no rule can fix is quarantined, by design.
    {{python}} -m columnar_etl demo || test $? -eq 2
