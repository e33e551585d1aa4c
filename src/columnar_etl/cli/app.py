"""The root of the ``columnar-etl`` command line: the app, its global options and error handling.

Every :class:`~columnar_etl.errors.EtlError` is caught once, in :class:`EtlGroup`, and printed as one
line ``error: <where>: <what> (hint: <what to do>)`` on stderr with the error's exit code (1 unless the
error says otherwise); any other exception is one line and exit 1 too; ``--debug`` lets the traceback
through instead. A usage error exits 64. The global options are declared once
(:data:`_GLOBAL_PARAMETERS`) and given to the root and to every command (:class:`EtlTyper`), so they
are accepted before or after the command.
"""

from __future__ import annotations

import copy
import functools
import inspect
import json
import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from typer._click.exceptions import NoArgsIsHelpError, UsageError  # typer vendors click
from typer.core import TyperGroup
from typer.core import _main as typer_main
from typer.exceptions import TyperException
from typer.models import ParameterInfo

from columnar_etl.atomic import same_file
from columnar_etl.config import (
    Settings,
    config_file_problem,
    defer_password_command,
    fallback_runs_dir,
    load_settings,
    mask_secrets,
    path_problem,
)
from columnar_etl.config_variables import unknown_variable_notes
from columnar_etl.errors import (
    INTERRUPTED,
    OUTCOMES,
    ConfigError,
    EtlError,
    ExitCode,
    exit_code_lines,
    file_not_written,
    interrupted_error,
)
from columnar_etl.errors import UsageError as BadValue
from columnar_etl.observability.logs import configure_logging, new_run_id
from columnar_etl.pipeline.command_record import Recorded, begin_command_record, record_interrupted
from columnar_etl.pipeline.record import RunRecord, cancelled, error_of
from columnar_etl.source.side_files import side_file
from columnar_etl.version import __version__

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


#: Shown at the end of ``columnar-etl --help`` (and in README.md, docs/cli.md): the one exit-code table.
#: Rich's help keeps an epilog's line breaks only between paragraphs, hence the blank lines.
EXIT_CODES_HELP = "Exit codes (every command):\n\n" + "\n\n".join(exit_code_lines())


class EtlGroup(TyperGroup):
    """The root command group: one line on stderr and the documented exit code for every failure.

    An :class:`EtlError` exits with its code; a usage error (unknown option, bad value) exits 64, never
    click's 2, which means "done with warnings" here.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """typer's ``main``, with click's own error display: a usage error then prints what its
        :meth:`OneLineUsageError.show` says (one line), not typer's usage box (``--help`` is unchanged:
        the help is rendered by the commands, not here)."""
        return typer_main(
            self,
            args=args,
            prog_name=prog_name,
            complete_var=complete_var,
            standalone_mode=standalone_mode,
            windows_expand_args=windows_expand_args,
            rich_markup_mode=None,
            **extra,
        )

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        """Parse the root's own arguments; a usage error exits 64."""
        wants_json = JSON_FLAG in args
        try:
            ctx = super().make_context(info_name, args, parent=parent, **extra)
        except UsageError as exc:
            raise _usage_error(exc, wants_json) from None
        ctx.meta[JSON_FLAG] = wants_json
        return ctx

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        """Run the command; on :class:`EtlError` print ``error: ...`` and exit with its code."""
        words = [*getattr(ctx, "_protected_args", []), *ctx.args]  # the group's invoke empties them
        try:
            return super().invoke(ctx)
        except UsageError as exc:  # raised while parsing a subcommand's arguments
            raise _usage_error(exc, bool(ctx.meta.get(JSON_FLAG)), ctx, words) from None
        except EtlError as exc:
            if _debug(ctx):
                raise
            err.print(f"error: {exc.one_line()}", markup=False, soft_wrap=True)
            ctx.exit(exc.exit_code)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM (see __main__) in a command that records none
            if _debug(ctx):
                raise
            err.print(f"error: {interrupted_error().one_line()}", markup=False, soft_wrap=True)
            ctx.exit(ExitCode.ERROR)
        except Exception as exc:  # not foreseen: still one line and exit 1, the traceback with --debug
            if _debug(ctx):
                raise
            if INTERRUPTED.is_set() or cancelled(exc):
                # An interrupt a library made its own error: an extension module's initialisation an
                # ImportError (see stage_imported), DuckDB's query "RuntimeError: Query interrupted" (a
                # `clean` or `profile` stopped in one): the interrupt's line, not that error's.
                err.print(f"error: {interrupted_error().one_line()}", markup=False, soft_wrap=True)
                ctx.exit(ExitCode.ERROR)
            known = file_not_written(exc)  # a write refused for room: the file and what to do
            if known is not None:
                err.print(f"error: {mask_secrets(known.one_line())}", markup=False, soft_wrap=True)
                ctx.exit(known.exit_code)
            text = " ".join(str(exc).split("\n", 1)[0].split()) or "(no message)"
            line = f"{type(exc).__name__}: {text} (hint: run again with --debug for the traceback)"
            err.print(f"error: {mask_secrets(line)}", markup=False, soft_wrap=True)
            ctx.exit(ExitCode.ERROR)


#: The option of every command that prints JSON: given, stdout holds one JSON object whatever the outcome.
JSON_FLAG = "--json"


#: The name the usage hints give the program (whatever ``sys.argv[0]`` was: ``python -m columnar_etl``).
PROG = "columnar-etl"


class ColumnNamesOption(StrEnum):
    """``--column-names`` values (``load``, ``clean``)."""

    export = "export"
    snake = "snake"


class OneLineUsageError(UsageError):
    """A usage error of the parser (unknown option or command, missing argument, bad choice, a value of
    the wrong type) as every error of the tool prints: one line ``error: <what> (hint: <how>)`` on
    stderr, exit 64. ``message`` is click's text, tidied to one line; the hint names the command's
    ``--help``."""

    exit_code = ExitCode.USAGE

    def __init__(self, cause: UsageError, command: str) -> None:
        text = " ".join(cause.format_message().split()).removesuffix(".")
        text = text.replace(": Value error, ", ": ")  # pydantic's prefix of a validator's message
        super().__init__(text[:1].lower() + text[1:], ctx=cause.ctx)
        self.hint = f"{command} --help"

    def one_line(self) -> str:
        """The line on stderr, after ``error: ``."""
        return f"{self.format_message()} (hint: {self.hint})"

    def show(self, file: Any = None) -> None:
        """Print :meth:`one_line` on stderr (click's ``show`` prints the usage, a hint line, the error)."""
        err.print(f"error: {self.one_line()}", markup=False, soft_wrap=True)


class HelpShown(UsageError):
    """A group given no command: its help is printed already (click's error says nothing more); exit 64."""

    exit_code = ExitCode.USAGE

    def show(self, file: Any = None) -> None:
        """Nothing: the help was the message."""


def usage_command(ctx: Any, words: Sequence[str] = ()) -> str:
    """``columnar-etl schemas prune``: the command of ``ctx``, and below it the (sub)commands the
    ``words`` given to it name (an option's parse error carries no context of the subcommand it is in)."""
    names = command_words(ctx) if ctx is not None else []
    command = ctx.command if ctx is not None else None
    for word in words:
        commands = getattr(command, "commands", None)
        if not isinstance(commands, dict) or word not in commands:
            break
        names.append(word)
        command = commands[word]
    return " ".join([PROG, *names])


def _usage_error(exc: UsageError, wants_json: bool, ctx: Any = None, words: Sequence[str] = ()) -> UsageError:
    """The error a usage error ends as (exit 64): one line (:class:`OneLineUsageError`), its object on
    stdout too with ``--json``. A group given no command prints its help (as ``--help`` does) instead.
    ``ctx`` and ``words``: the context being run and its arguments, when the error has no context."""
    if isinstance(exc, OneLineUsageError | HelpShown):  # a nested group's, already made
        return exc
    if isinstance(exc, NoArgsIsHelpError):
        return HelpShown(exc.format_message(), ctx=exc.ctx)
    usage = OneLineUsageError(exc, usage_command(exc.ctx) if exc.ctx else usage_command(ctx, words))
    if wants_json:
        _echo_usage(usage)
    return usage


def command_words(ctx: Any) -> list[str]:
    """The words of the command ``ctx`` runs below the program (``["schemas", "prune"]``; none for the
    program's own context)."""
    names: list[str] = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return names[::-1]


def _command_name(ctx: Any) -> str:
    """The command a context runs as run.json names it: its words below the program (``schemas prune``,
    not ``prune``, since 2026-12-07); the program's own name for an error of its own options."""
    return " ".join(command_words(ctx)) or str(ctx.command_path.split()[-1])


def _echo_usage(exc: OneLineUsageError) -> None:
    """The ``--json`` object of a usage error (exit 64): nothing ran; the same words as on stderr."""
    command = _command_name(exc.ctx) if exc.ctx is not None else None
    error = {"error": "UsageError", "message": exc.format_message(), "hint": exc.hint}
    echo_json(with_outcome({"command": command, "error": error}, ExitCode.USAGE))


def _debug(ctx: Any) -> bool:
    state = ctx.find_root().obj
    return bool(state.debug) if isinstance(state, CliState) else bool(ctx.params.get("debug"))


@dataclass
class CliState:
    """Global options, and the settings built from them on first use."""

    config: Path | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    debug: bool = False
    _settings: Settings | None = None

    def take(self, given: dict[str, Any]) -> None:
        """Add global options given after a subcommand: they win over the same ones given before it."""
        if given.get("config") is not None:
            self.config = given["config"]
        for name in ("target", "pg_dir", "log_level"):
            if given.get(name) is not None:
                self.overrides[name] = given[name]
        self.debug = self.debug or bool(given.get("debug"))

    @property
    def settings(self) -> Settings:
        """Settings with the CLI flags on top (built lazily, so ``--help`` never reads config)."""
        if self._settings is None:
            if self.config is not None and not self.config.is_file():
                # A --config naming no file is a flag's bad value (exit 64, nothing ran, no run record).
                said = config_file_problem(self.config) or "config file not found"
                raise BadValue(said, path=self.config, hint="check the --config path")
            try:
                self._settings = load_settings(self.config, **self.overrides)
            except ConfigError as exc:
                # A flag's value is a usage error (exit 64) when the settings stand without the flags.
                if self.overrides and _stands(self.config):
                    raise BadValue(exc.message, path=exc.path, hint="fix the flag's value") from None
                raise
            defer_password_command(self._settings)  # run when a command first connects to the target
            for note in unknown_variable_notes():  # a misspelled variable, ignored: said, not refused
                err.print(f"note: {note}", markup=False, soft_wrap=True)
            # Console logs on stderr; stdout stays clean for results and --json.
            configure_logging(run_id=new_run_id(), level=self._settings.log_level, console=True)
        return self._settings

    def runs_dir(self) -> Path:
        """The runs directory, also when the settings did not load: then the one the environment or the
        TOML file names, if that much of them reads, else the default (a failed run's record goes there)."""
        return Path(self._settings.runs_dir) if self._settings is not None else fallback_runs_dir(self.config)


def _stands(config: Path | None) -> bool:
    """Whether the settings load without any flag (from the TOML file, the environment, the defaults)."""
    try:
        load_settings(config)
    except ConfigError:
        return False
    return True


# --- the global options: declared once, accepted before or after any subcommand -----------------------


def given_target(value: str) -> str:
    """``--target`` as given; ``''`` is refused as a usage error (exit 64). An empty target means none,
    the embedded server: `--target "$DB_URI"` with the variable unset loaded a cron job's export into
    a server started in the working directory, exit 0, while the database it was meant for got nothing."""
    if value == "":
        raise typer.BadParameter("an empty target names no server (leave --target out for the embedded one)")
    return value


GLOBAL_PANEL = "Global options (before or after the command)"
_GLOBAL_PARAMETERS: tuple[tuple[str, Any], ...] = (
    (
        "config",
        Annotated[
            Path | None,
            typer.Option(
                "--config",
                help="TOML settings file (default: ./columnar_etl.toml).",
                show_default=False,
                rich_help_panel=GLOBAL_PANEL,
            ),
        ],
    ),
    (
        "target",
        Annotated[
            str | None,
            typer.Option(
                "--target",
                help="PostgreSQL URI; default: the embedded server.",
                parser=given_target,
                show_default=False,
                rich_help_panel=GLOBAL_PANEL,
            ),
        ],
    ),
    (
        "pg_dir",
        Annotated[
            Path | None,
            typer.Option(
                "--pg-dir",
                help="Data directory of the embedded PostgreSQL server.",
                show_default=False,
                rich_help_panel=GLOBAL_PANEL,
            ),
        ],
    ),
    (
        "log_level",
        Annotated[
            str | None,
            typer.Option(
                "--log-level",
                help="Console log level: debug, info, warning, error (default: warning).",
                show_default=False,
                rich_help_panel=GLOBAL_PANEL,
            ),
        ],
    ),
    (
        "debug",
        Annotated[
            bool,
            typer.Option(
                "--debug",
                help="Show tracebacks instead of one-line errors (the exit code is the same).",
                rich_help_panel=GLOBAL_PANEL,
            ),
        ],
    ),
)
GLOBAL_OPTION_NAMES = tuple(name for name, _ in _GLOBAL_PARAMETERS)
_CONTEXT_PARAMETER = "global_options_context"

F = TypeVar("F", bound=Callable[..., Any])


def with_global_options(function: F) -> F:
    """Give a command the global options (``--target``, ``--config``, ``--pg-dir``, ``--log-level``,
    ``--debug``), the same declaration everywhere; values given here override those before the command.
    """
    signature = inspect.signature(function, eval_str=True)
    kept = [
        p.replace(annotation=_refusing_empty(p.annotation))
        for p in signature.parameters.values()
        if p.name not in GLOBAL_OPTION_NAMES
    ]
    extra = [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            default=False if name == "debug" else None,
            annotation=_refusing_empty(annotation),
        )
        for name, annotation in _GLOBAL_PARAMETERS
    ]
    # typer hands the context to one parameter only: the command's own, else one added here.
    own_context = next((p.name for p in kept if p.annotation is typer.Context), None)
    context_name = own_context or _CONTEXT_PARAMETER
    if own_context is None:
        extra.append(
            inspect.Parameter(_CONTEXT_PARAMETER, inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
        )

    @functools.wraps(function)
    def command(*args: Any, **kwargs: Any) -> Any:
        ctx = kwargs[context_name] if own_context else kwargs.pop(context_name)
        given = {name: kwargs.pop(name) for name in GLOBAL_OPTION_NAMES}
        root = ctx.find_root()
        if not isinstance(root.obj, CliState):  # the root callback runs first, and makes the state
            root.obj = CliState()
        root.obj.take(given)
        if not kwargs.get("as_json"):
            return function(*args, **kwargs)
        printed = _printed[0]
        try:
            return function(*args, **kwargs)
        except (TyperException, typer.Exit, typer.Abort):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            # An error the command did not print JSON for itself (a recorded command prints its record's):
            # with --json, stdout still holds one object; the one line on stderr follows (EtlGroup).
            if _printed[0] == printed:
                echo_json(error_json(ctx, exc))
            raise

    command.__signature__ = signature.replace(parameters=[*kept, *extra])  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in [*kept, *extra]}
    return command  # type: ignore[return-value]


def given_path(value: str | Path) -> Path:
    """A path argument or option as given; ``''`` is refused as a usage error (exit 64). ``Path('')``
    is ``Path('.')``: an unset shell variable (``run "$EXPORT"``) would otherwise name the current
    directory, refused later as a directory (exit 3) or read as one (``--dir ''``). A parameter's own
    default (``demo --source``'s fixture, a :class:`Path`) is handed over as it is declared."""
    if isinstance(value, Path):
        return value
    # A name no UTF-8 reads (a file named on a Latin-1 system) failed a `run` after its run directory
    # was made, with no run.json ("UnicodeEncodeError: ... surrogates not allowed"): see path_problem.
    if (problem := path_problem(value)) is not None:
        reason, hint = problem
        raise typer.BadParameter(f"{reason}: {hint}" if hint else reason)
    return Path(value)


def _refusing_empty(annotation: Any) -> Any:
    """A command parameter's ``annotation``, with :func:`given_path` as the parser of a path argument or
    option that has none of its own (typer would turn ``''`` into ``Path('.')``)."""
    if typing.get_origin(annotation) is not Annotated:
        return annotation
    declared, *extras = typing.get_args(annotation)
    if Path not in (declared, *typing.get_args(declared)):
        return annotation
    infos = [copy.copy(e) if isinstance(e, ParameterInfo) and e.parser is None else e for e in extras]
    for info in infos:
        if isinstance(info, ParameterInfo) and info.parser is None:
            info.parser = given_path
    return Annotated[(declared, *infos)]


class EtlTyper(typer.Typer):
    """A :class:`typer.Typer` whose every command takes the global options (:func:`with_global_options`)."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        """Like :meth:`typer.Typer.command`, with the global options added to the command."""
        register = super().command(*args, **kwargs)

        def decorator(function: F) -> F:
            register(with_global_options(function))
            return function

        return decorator


app = EtlTyper(
    cls=EtlGroup,
    help="Move a help-desk's SQLite export into PostgreSQL: profiled, cleaned, typed, versioned.",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def sub_app(help: str) -> typer.Typer:
    """A group of commands under ``columnar-etl`` (``runs``, ``schemas``, ...), with the global options."""
    return EtlTyper(help=help, no_args_is_help=True)


def _version(value: bool) -> None:
    if value:
        out.print(f"columnar-etl {__version__}")
        raise typer.Exit()


@app.callback()
@with_global_options
def root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Global options shared by every command (also accepted after the subcommand)."""


def check_output_directory(path: Path | None, option: str, *, source: Path | None = None) -> None:
    """Refuse, before any work, a file ``option`` names (``--html``, ``--save-plan``, ...) that cannot
    be written: the ``source`` export (or its ``-wal``/``-journal``: the source is never written), its
    directory missing, or a directory itself (exit 1, as ``clean -o`` refuses them)."""
    if path is None:
        return
    if source is not None and any(
        same_file(path, side_file(source, suffix)) for suffix in ("", "-wal", "-journal", "-shm")
    ):
        raise EtlError(
            f"{option} names the source file",
            path=path,
            hint="choose another path: the source is never written",
        )
    if path.is_dir():
        raise EtlError(f"{option} names a directory, not a file", path=path, hint="give a file name")
    if not path.parent.is_dir():
        raise EtlError(f"the directory of {option} does not exist", path=path.parent, hint="create it first")


def cli_state(ctx: typer.Context) -> CliState:
    state = ctx.find_root().obj
    assert isinstance(state, CliState)
    return state


def recorded_settings(
    ctx: typer.Context, command: str, *, mode: str, source: Path | None = None, as_json: bool = False
) -> Settings:
    """The settings of ``command``, a command that leaves a run record: when they do not load (a
    malformed TOML file, a bad environment value, a failing password command) the command's ``failed``
    run.json is written (see :meth:`CliState.runs_dir`), printed with ``--json``, and the error goes on
    to its one line."""
    state = cli_state(ctx)
    try:
        return state.settings
    except ConfigError as exc:
        record_failed_settings(ctx, exc, command, mode=mode, source=source, as_json=as_json)
        raise


@contextmanager
def stage_imported(
    command: str, settings: Settings, *, mode: str, source: Path | None = None
) -> Iterator[RunRecord]:
    """The block imports the stage of ``command``, a command that leaves a run record (a second or two
    on a busy machine), its record begun first (``running``, yielded: the command's own from then on):
    a command killed meanwhile leaves a record, and an interrupt leaves it ``interrupted`` (exit 1), as
    one during its work does, not a command that ended with no record."""
    record = begin_command_record(command, settings, mode=mode, source=source)
    try:
        yield record
    except KeyboardInterrupt:
        record_interrupted(command, settings, mode=mode, source=source, record=record)
        raise
    except ImportError as exc:
        if not INTERRUPTED.is_set():
            raise
        # The interrupt was raised inside an extension module's initialisation, which turns whatever
        # ends it into ImportError (pybind11's DuckDB: "initialization failed"): it is the interrupt.
        record_interrupted(command, settings, mode=mode, source=source, record=record)
        raise KeyboardInterrupt from exc


def record_failed_settings(
    ctx: typer.Context, error: ConfigError, command: str, *, mode: str, source: Path | None, as_json: bool
) -> None:
    """Write (and with ``--json`` print) the ``failed`` record of ``command``, whose settings failed."""
    from columnar_etl.pipeline.record import record_settings_failure  # deliberate: keeps --help light

    record, written = record_settings_failure(
        command, error, cli_state(ctx).runs_dir(), mode=mode, source=source
    )
    if as_json:
        path = record.run_dir / "run.json"
        echo_json(record.to_dict() if command == "run" else failure_json(record, path))
    if not written:
        err.print(f"warning: run.json not written in {record.run_dir}", markup=False, soft_wrap=True)


def failure_json(record: Any, path: Path, **data: Any) -> dict[str, Any]:
    """The ``--json`` output of a recorded command that failed or was refused: the outcome first, its
    run record, the error, and what the command knew (``data``)."""
    return with_outcome(
        {
            "command": record.command,
            "run_id": record.run_id,
            "run_record": str(path),
            **data,
            "error": record.error,
        },
        record.exit_code,
        record.outcome,
    )


def end_recorded(
    recorded: Recorded[Any],
    as_json: bool,
    render: Callable[[Any], None],
    refused: Callable[[BaseException], Any] = lambda failure: None,
) -> None:
    """The end of a command that leaves a run record (:mod:`columnar_etl.pipeline.command_record`):
    with ``--json`` one object on stdout (its outcome first, the run record's path, its warnings)
    whatever the outcome; else ``render`` of its result. A failure or refusal then ends as every error
    does (its one line on stderr, its exit code); a result with warnings exits 2. ``refused`` gives
    the result a refusal carries (``load``'s checks), or None: shown as a result is (its fields in the
    JSON object, ``render`` on the console) before the refusal's line."""
    record, failure = recorded.record, recorded.exception
    if failure is not None:
        shown = refused(failure)
        if as_json:  # a refusal (exit 3) or an error (exit 1): still one JSON object on stdout
            echo_json(failure_json(record, recorded.path, **(shown.to_dict() if shown is not None else {})))
        elif shown is not None:
            render(shown)
        warn_unwritten(recorded)
        raise failure  # its one line on stderr and its exit code (EtlGroup)
    result = recorded.unwrap()
    if as_json:
        data = {**result.to_dict(), "run_id": record.run_id, "run_record": str(recorded.path)}
        data.setdefault("warnings", record.warnings)
        echo_json(with_outcome(data, record.exit_code, record.outcome))
    else:
        render(result)
    warn_unwritten(recorded)
    if record.exit_code:
        raise typer.Exit(record.exit_code)


def warn_unwritten(recorded: Recorded[Any]) -> None:
    """The line on stderr of a command whose run.json could not be written at its end."""
    if not recorded.written:
        warning = next((w for w in recorded.record.warnings if w.startswith("run.json not written")), None)
        err.print(f"warning: {warning or 'run.json not written'}", markup=False, soft_wrap=True)


def with_outcome(data: dict[str, Any], exit_code: int, outcome: str | None = None) -> dict[str, Any]:
    """``data`` with the outcome word and exit code of the exit-code table first (``--json`` output);
    ``outcome``: the run record's own word, where there is one, so that the two agree (``interrupted``
    exits 1 as ``failed`` does: a load stopped by SIGTERM printed "failed", its run.json "interrupted")."""
    return {"outcome": outcome or OUTCOMES[int(exit_code)], "exit_code": int(exit_code), **data}


#: How many JSON objects this process printed (see :func:`with_global_options`).
_printed = [0]


def echo_json(data: Any) -> None:
    """``data`` as JSON on stdout: what ``--json`` prints."""
    _printed[0] += 1
    typer.echo(json.dumps(data, indent=2, default=str))


def error_json(ctx: typer.Context, exc: BaseException) -> dict[str, Any]:
    """The ``--json`` object of a command that ended with ``exc``: its outcome first, the command, the
    error as a run record holds one (one line, passwords masked)."""
    command = " ".join(command_words(ctx))
    if isinstance(exc, KeyboardInterrupt) or INTERRUPTED.is_set() or cancelled(exc):
        error = {**error_of(interrupted_error(), command), "error": type(exc).__name__}
        return with_outcome({"command": command, "error": error}, ExitCode.ERROR)
    code = exc.exit_code if isinstance(exc, EtlError) else ExitCode.ERROR
    return with_outcome({"command": command, "error": error_of(exc, command)}, code)
