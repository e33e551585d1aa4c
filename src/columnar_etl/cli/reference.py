"""docs/cli.md, generated from the commands themselves so it cannot drift from the code.

``python -m columnar_etl.cli.reference > docs/cli.md`` (or ``just docs``) rewrites it; a test fails when
the committed file differs from what this module renders. :func:`parse_command_line` is the dry parse
the docs test uses on every ``columnar-etl ...`` line of the README and docs/: arguments are checked,
nothing runs.
"""

from __future__ import annotations

import contextlib
import enum
import io
import shlex
import sys
import typing
from collections.abc import Iterator
from typing import Any

import typer

from columnar_etl.cli import app
from columnar_etl.cli.app import GLOBAL_OPTION_NAMES
from columnar_etl.config import ENV_PREFIX
from columnar_etl.errors import EXIT_CODE_TABLE

PROG = "columnar-etl"

HEADER = f"""# Command-line reference

Every `{PROG}` command, generated from the commands by `python -m columnar_etl.cli.reference`
(`just docs`) — do not edit by hand; a test checks it is current. `{PROG} COMMAND --help` prints the
same. Settings and their environment variables: [configuration.md](configuration.md).
"""


def root_command() -> Any:
    """The click command tree of the ``columnar-etl`` app."""
    return typer.main.get_command(app)


def leaf_commands(
    command: Any | None = None, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every runnable command as (path, click command), in the order ``--help`` lists them."""
    command = command if command is not None else root_command()
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        yield path, command
        return
    for name, sub in subcommands.items():
        yield from leaf_commands(sub, (*path, name))


def first_line(text: str | None) -> str:
    return " ".join((text or "").strip().split("\n\n", 1)[0].split())


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _param_rows(command: Any, *, globals_: bool) -> list[str]:
    rows = []
    for param in command.params:
        if (param.name in GLOBAL_OPTION_NAMES) != globals_ or param.name in (
            "help",
            "global_options_context",
        ):
            continue
        # The root's eager --version is in the global options' table; `templates check --version V`
        # (a version schema) is a command's own option and is listed with it.
        if getattr(param, "hidden", False) or (param.name == "version" and param.is_eager):
            continue
        help_text = _cell(getattr(param, "help", None) or "")
        if param.param_type_name == "argument":
            required = "required" if param.required else "optional"
            rows.append(f"| `{param.name.upper()}` | argument, {required} | {help_text} |")
            continue
        flags = ", ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
        annotation = param.type_descriptor.annotation
        kind = "flag" if annotation is bool else _type_name(annotation)
        default = getattr(param.default, "value", param.default)
        shown = "" if default in (None, False, ()) or annotation is bool else f" (default: `{default}`)"
        required = ", required" if param.required else ""
        rows.append(f"| {flags} | {kind}{required} | {help_text}{shown} |")
    return rows


def _type_name(annotation: Any) -> str:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is typing.Literal:
        return " \\| ".join(f"`{value}`" for value in args)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return " \\| ".join(f"`{member.value}`" for member in annotation)
    if args and typing.get_origin(annotation) is list:
        return f"{_type_name(args[0])}, repeatable"
    if args:
        return _type_name(args[0])
    return {"str": "text", "Path": "path", "float": "number", "int": "integer"}.get(
        getattr(annotation, "__name__", str(annotation)), str(annotation)
    )


def _usage(path: tuple[str, ...], command: Any) -> str:
    pieces = [f"{PROG}", *path, "[OPTIONS]"]
    for param in command.params:
        if param.param_type_name == "argument":
            pieces.append(param.name.upper() if param.required else f"[{param.name.upper()}]")
    return " ".join(pieces)


def exit_code_markdown() -> str:
    """The exit-code table as Markdown (docs/cli.md and README.md show it; tests keep both current)."""
    lines = ["| code | outcome | meaning |", "|---|---|---|"]
    lines += [f"| {int(code)} | `{word}` | {_cell(meaning)} |" for code, word, meaning in EXIT_CODE_TABLE]
    return "\n".join(lines)


def cli_markdown() -> str:
    """The whole of docs/cli.md."""
    root = root_command()
    lines = [
        HEADER,
        "## Exit codes",
        "",
        "Every command exits with one of these codes. Its `--json` object carries the same word as "
        "`outcome` (and the code as `exit_code`) whenever it exits non-zero, and always for the commands "
        "that gate or change something; a listing that succeeds (`tables`, `schemas list`, `runs list`, "
        "`pg status`, `backup list`, `create`, `restore`, `prune`, `target`) prints its data only.",
        "",
        exit_code_markdown(),
    ]
    lines += [
        "",
        "`run` also records `already_loaded` (exit 0: a version still there, live or not, came from this "
        "very file; its warning names it, and the cutover when it is not live; a canary always runs) and "
        "`interrupted` for a run stopped by Ctrl-C or SIGTERM before its commit (exit 1, nothing live "
        "changed; after the commit it is `warn`, exit 2) or whose process was killed. Any command "
        "interrupted exits 1. A command whose output is closed early (`| head -3`) ends quietly, its "
        "work done, with its own exit code.",
        "",
        "## Global options",
        "",
        f"Accepted before or after any command (`{PROG} --target URI run X.db` = `{PROG} run X.db --target "
        f"URI`); given twice, the one after the command wins. Precedence: flag > `{ENV_PREFIX}*` variable > "
        "TOML file > default.",
        "",
        "| option | type | meaning |",
        "|---|---|---|",
        *_param_rows(root, globals_=True),
        "| `--version` | flag | Print the version and exit (before the command only). |",
        "",
        "## Commands",
        "",
    ]
    for path, command in leaf_commands(root):
        lines += [
            f"### `{' '.join(path)}`",
            "",
            _cell(command.help or ""),
            "",
            "```text",
            _usage(path, command),
            "```",
            "",
        ]
        rows = _param_rows(command, globals_=False)
        if rows:
            lines += ["| argument / option | type | meaning |", "|---|---|---|", *rows, ""]
    return "\n".join(lines).rstrip() + "\n"


class CommandLineError(ValueError):
    """A documented command line that does not parse."""


def parse_command_line(line: str) -> tuple[str, ...]:
    """Parse ``columnar-etl ...`` as the shell and the CLI would, without running anything.

    Returns the command path (``("schemas", "list")``); raises :class:`CommandLineError` naming what
    does not parse. ``--help`` and ``--version`` are accepted anywhere (their output is discarded).
    """
    words = shlex.split(line)
    if not words or words[0] != PROG:
        raise CommandLineError(f"not a {PROG} command line: {line!r}")
    path: list[str] = []
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            _parse(words[1:], path)
    except typer.Exit:  # --help, --version
        pass
    except CommandLineError as exc:
        raise CommandLineError(f"{line!r}: {exc}") from None
    except Exception as exc:  # typer's vendored click UsageError and friends
        format_message = getattr(exc, "format_message", None)
        message = format_message() if callable(format_message) else str(exc)
        raise CommandLineError(f"{line!r}: {message}") from None
    return tuple(path)


def _parse(args: list[str], path: list[str]) -> None:
    command: Any = root_command()
    ctx: Any = None
    name = PROG
    while True:
        ctx = command.make_context(name, list(args), parent=ctx)
        if getattr(command, "commands", None) is None:
            return
        rest = [*getattr(ctx, "_protected_args", []), *ctx.args]
        if not rest:
            raise CommandLineError("no command given")
        name, command, args = command.resolve_command(ctx, rest)
        path.append(name)


if __name__ == "__main__":
    sys.stdout.write(cli_markdown())
