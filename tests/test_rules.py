"""Every cleaning rule is spelt out once (the package columnar_etl/rules/) and both engines use that one
spelling: no other module of the package writes a rule's pattern, word list or date format, and the modules
that apply the rules (profiler, planner, cleaner, dry run) import no other module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import columnar_etl
from columnar_etl import rules
from columnar_etl.rules import date_shapes, dates, numbers

SRC = Path(columnar_etl.__file__).resolve().parent
#: The rules' own package: where they are spelt out.
RULES = Path(rules.__file__).resolve().parent
#: The test-data generator writes dirty values on purpose; it is not the package's cleaning.
NOT_PACKAGE = ("export_generator",)


def _modules() -> list[Path]:
    return [
        path
        for path in sorted(SRC.rglob("*.py"))
        if RULES not in path.parents and not any(part in path.parts for part in NOT_PACKAGE)
    ]


def _rule_literals() -> set[str]:
    """Every pattern, format and word of the rules long enough to be recognisable."""
    found: set[str] = {
        numbers.INTEGER_REGEX,
        numbers.DECIMAL_REGEX,
        numbers.EXPONENT_REGEX,
        numbers.COMMA_DECIMAL_REGEX,
        numbers.CANONICAL_NUMBER_REGEX,
        dates.LEAP_SECOND_REGEX,
        numbers.FRACTION_DIGITS_REGEX,
        dates.TIMESTAMP_FRACTION_CANONICAL_REGEX,
    }
    for shape in date_shapes.DATE_SHAPES:
        found.add(shape.regex)
        # An ISO format is also how the CLI prints a time; the export's own formats are the rule's.
        found |= {fmt for fmt in (shape.day_first, shape.month_first) if fmt and ("/" in fmt or "T" in fmt)}
    return found


def test_no_module_but_rules_spells_a_rule() -> None:
    literals = _rule_literals()
    assert len(literals) > 15
    offenders = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in literals:
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno} {node.value!r}")
    assert offenders == []


def test_boolean_words_are_listed_only_in_rules() -> None:
    words = set(rules.BOOLEAN_TRUE_WORDS) | set(rules.BOOLEAN_FALSE_WORDS)
    offenders = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                values = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                if len(values & words) >= 3:
                    offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


#: The modules that apply the cleaning rules.
RULE_MODULES = [
    SRC / "profiling" / "sql.py",
    # The parts of the profile query, split out of sql.py.
    *(
        SRC / "profiling" / f"{name}.py"
        for name in (
            "profile_codes",
            "value_text",
            "text_patterns",
            "number_text",
            "date_parses",
            "distinct_values",
            "shaping",
            "epoch_aggregates",
            "layout_aggregates",
            "column_rows",
        )
    ),
    SRC / "profiling" / "profile.py",
    SRC / "planning" / "plan.py",
    SRC / "gates" / "dry_run.py",
    *sorted((SRC / "cleaning").glob("*.py")),
]


def test_rule_modules_import_no_private_names() -> None:
    assert all(path.is_file() for path in RULE_MODULES)
    offenders = [
        f"{path.relative_to(SRC)}:{node.lineno} {alias.name} from {node.module}"
        for path in RULE_MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("columnar_etl")
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert offenders == []
