"""Target column names: as the export wrote them (default) or snake_case, with the mapping recorded.

Dashboards query the export's names quoted (``"TKT-Created Time"``), so those are the default. The
snake_case option (``tkt_created_time``) is for tools that cannot quote; the mapping goes into the
load result and the ledger, and the dashboard templates are rewritten through it. The cleaner's plan
names its output columns with the same :func:`styled_names`, so both paths agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from columnar_etl.config import ColumnNames
from columnar_etl.pg.identifiers import short_identifiers

#: Latin letters that no Unicode decomposition takes to ASCII, as the usual transliteration writes them
#: (ICU's Latin-ASCII, unidecode): dropped with the accents, ``Straße`` was ``strae``, ``Açılış Tarihi``
#: ``acls_tarihi`` and ``Łódź`` ``odz`` (until 2026-12-02).
LETTERS_WITHOUT_DECOMPOSITION = str.maketrans(
    {
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
        "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "NG", "ƒ": "f", "ɨ": "i", "ʉ": "u",
    }
)  # fmt: skip


def snake_case(name: str) -> str:
    """``"TKT-Created Time"`` → ``tkt_created_time``; ``"TKT-Customer #"`` → ``tkt_customer``.

    Accents are dropped (``Inès`` → ``ines``), Latin letters with no decomposition transliterated
    (:data:`LETTERS_WITHOUT_DECOMPOSITION`: ``Straße`` → ``strasse``, ``Øre`` → ``ore``), every run of
    other characters becomes one underscore, a name that would start with a digit gets a ``c_`` prefix,
    and one with nothing left is ``column``.
    """
    latin = name.translate(LETTERS_WITHOUT_DECOMPOSITION)
    ascii_name = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", ascii_name)
    snake = re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")
    if not snake:
        return "column"
    return f"c_{snake}" if snake[0].isdigit() else snake


#: PostgreSQL's system columns: every table has them, so no column of its own may take these names.
SYSTEM_COLUMNS = frozenset({"tableoid", "xmin", "cmin", "xmax", "cmax", "ctid"})


def column_mapping(names: Sequence[str], style: ColumnNames) -> dict[str, str]:
    """``{export name: target name}`` for one table; snake names that collide get ``_2``, ``_3`` ...

    Names longer than PostgreSQL's 63 bytes get their deterministic short form
    (:func:`~columnar_etl.pg.identifiers.short_identifiers`) in either style, and a name PostgreSQL
    keeps for a system column (``xmin``, ``ctid`` …) gets a ``_`` after it (more if that is taken).
    """
    styled = styled_names(names, style)
    short = short_identifiers(styled.values())
    mapping = {name: short[target] for name, target in styled.items()}
    taken = set(mapping.values())
    for name, target in mapping.items():
        if target in SYSTEM_COLUMNS:
            renamed = target + "_"
            while renamed in taken:
                renamed += "_"
            taken.add(renamed)
            mapping[name] = renamed
    return mapping


#: A byte-order mark: a CSV saved as "UTF-8 with BOM" and imported into SQLite begins its first
#: column's name with it (``\ufeffid``), invisible, so that ``"id"`` finds no such column.
BOM = "\ufeff"


def override_names(
    names: Sequence[str], style: ColumnNames, read_as: Mapping[str, str] | None = None
) -> dict[str, str]:
    """``{name an override may use: the export's column}``: each of ``names`` as the export wrote it, or
    as the target shows it in ``style`` (:func:`styled_names`: a CSV import's ``\ufeffid`` is ``id``).
    A name the export wrote is that column's, whatever another column shows as. ``read_as``: columns
    read under another name than the export's (``{export name: name read}``, ``""`` read as
    ``column_2``): named by the export's name too, unless that is another column's."""
    named = {target: name for name, target in styled_names(names, style).items()} | {
        name: name for name in names
    }
    return {export: name for export, name in (read_as or {}).items() if export not in named} | named


def styled_names(names: Sequence[str], style: ColumnNames) -> dict[str, str]:
    """``{export name: name in style}``: the names themselves (without a leading byte-order mark,
    unless another column has that name), or :func:`snake_case` made unique."""
    if style == "export":
        kept = set(names)
        return {
            name: name.lstrip(BOM)
            if name.startswith(BOM) and name.lstrip(BOM) and name.lstrip(BOM) not in kept
            else name
            for name in names
        }
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = snake_case(name)
        candidate, suffix = base, 1
        while candidate in used:
            suffix += 1
            candidate = f"{base}_{suffix}"
        used.add(candidate)
        mapping[name] = candidate
    return mapping
