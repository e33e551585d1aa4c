"""docs/configuration.md is generated from the Settings object; this fails when it is out of date."""

from __future__ import annotations

from pathlib import Path

from columnar_etl.config import Settings
from columnar_etl.config_docs import configuration_markdown

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_configuration_doc_is_current() -> None:
    assert DOC.read_text() == configuration_markdown(), "run `just docs` and commit docs/configuration.md"


def test_every_setting_is_in_the_doc_with_its_env_var() -> None:
    text = configuration_markdown()
    for name in Settings.model_fields:
        assert f"| `{name}` | `COLUMNAR_ETL_{name.upper()}` |" in text, name


def test_flags_are_found_from_the_cli() -> None:
    text = configuration_markdown()
    assert "| `target` | `COLUMNAR_ETL_TARGET` | `--target` |" in text
    assert "| `min_quality` | `COLUMNAR_ETL_MIN_QUALITY` | `--min-quality` |" in text
