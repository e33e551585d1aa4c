"""docs/configuration.md, generated from the Settings object so it cannot drift.

``python -m columnar_etl.config_docs > docs/configuration.md`` (or ``just docs``) rewrites it; a test
fails when the committed file differs from what this module renders.
"""

from __future__ import annotations

import json
import sys
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from columnar_etl.cli import app
from columnar_etl.config import DEFAULT_CONFIG_FILE, ENV_PREFIX, Settings
from columnar_etl.config_variables import TOOL_VARIABLES

HEADER = f"""# Configuration

Every setting of columnar_etl, generated from `columnar_etl.config.Settings` by
`python -m columnar_etl.config_docs` (`just docs`) — do not edit by hand; a test checks it is current.

Precedence, highest first: a command-line flag > an environment variable `{ENV_PREFIX}<NAME>` >
`{DEFAULT_CONFIG_FILE}` in the working directory (or the file given with `--config FILE`) > the default.
A `{DEFAULT_CONFIG_FILE}` that is there but no file (a link to a file moved away, a directory) is
refused in one line saying what it is (exit 1), never read as no settings at all.
The TOML key, the environment variable and the flag are the same word: `min_quality`,
`{ENV_PREFIX}MIN_QUALITY`, `--min-quality`. Lists and tables in environment variables are JSON
(`{ENV_PREFIX}NULL_TOKENS='["NULL", "N/A"]'`). A value a setting does not allow is refused with one
line naming the setting, the value (a secret's masked) and what is allowed: from a flag, a usage error
(exit 64, nothing ran); from the TOML file or an environment variable, an error naming the file or the
variable (exit 1; `run` still leaves its `failed` run.json). A relative path in a path setting
(`runs_dir = "runs"`), wherever it is given, the TOML file included, is relative to the working directory
the command runs in, not to the TOML file's directory; `~` at its start is the home directory.
An unknown key in the TOML file is refused naming the nearest valid one; an environment variable
`{ENV_PREFIX}*` that names no setting (`{ENV_PREFIX}BACKUPDIR`) is ignored, and each command says so in one
line on stderr naming it and the nearest setting's variable (`note: ... did you mean
{ENV_PREFIX}BACKUP_DIR?`), its exit code unchanged; the variables of this project's own tests and tools
({", ".join(f"`{ENV_PREFIX}{name}`" for name in sorted(TOOL_VARIABLES))}) are left alone.

Example `{DEFAULT_CONFIG_FILE}`:

```toml
target = "postgresql://loader@db.internal:5432/helpdesk"
min_quality = 85
null_tokens = ["NULL", "N/A", "-", "None"]
```
"""


def cli_flags() -> set[str]:
    """Every long option of every ``columnar-etl`` command (``--min-quality``, ...)."""
    import typer

    flags: set[str] = set()

    def walk(command: Any) -> None:
        for param in getattr(command, "params", []):
            flags.update(opt for opt in getattr(param, "opts", []) if opt.startswith("--"))
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return flags


def _type_name(annotation: Any) -> str:
    text = str(annotation).replace("typing.", "").replace("pathlib.", "").replace("NoneType", "None")
    return text.replace("<class '", "").replace("'>", "")


def _default(info: FieldInfo) -> str:
    if info.default_factory is not None:
        value = info.default_factory()  # type: ignore[call-arg]
    elif info.default is PydanticUndefined:
        return "(required)"
    else:
        value = info.default
    if value is None:
        return "unset"
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    return f"`{json.dumps(value, default=str)}`"


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        found = _nested_model(arg) if typing.get_args(arg) else None
        if found is not None:
            return found
    return None


def configuration_markdown() -> str:
    """The whole of docs/configuration.md."""
    flags = cli_flags()
    rows = [
        "| TOML key | environment variable | flag | type | default | meaning |",
        "|---|---|---|---|---|---|",
    ]
    nested: list[str] = []
    for name, info in Settings.model_fields.items():
        flag = f"--{name.replace('_', '-')}"
        description = " ".join((info.description or "").split()).replace("|", "\\|")
        rows.append(
            f"| `{name}` | `{ENV_PREFIX}{name.upper()}` | {f'`{flag}`' if flag in flags else '—'} "
            f"| `{_type_name(info.annotation)}` | {_default(info)} | {description} |"
        )
        model = _nested_model(info.annotation)
        if model is not None:
            nested.append(_nested_section(name, model))
    return "\n".join([HEADER, "## Settings", "", *rows, "", *nested]).rstrip() + "\n"


def _nested_section(name: str, model: type[BaseModel]) -> str:
    lines = [
        f"## `{name}` entries ({model.__name__})",
        "",
        (model.__doc__ or "").strip(),
        "",
        "| key | type | default | meaning |",
        "|---|---|---|---|",
    ]
    for field_name, info in model.model_fields.items():
        description = " ".join((info.description or "").split()).replace("|", "\\|")
        lines.append(
            f"| `{field_name}` | `{_type_name(info.annotation)}` | {_default(info)} | {description} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(configuration_markdown())
