"""One column's figures folded from its rows of the profile query (:func:`fold_groups`): its codes and
their cells, the layout counts, bounds, examples, and the null tokens kept as values, as
:func:`.inference.infer_column` reads them."""

from __future__ import annotations

import math
from typing import Any

from columnar_etl.profiling.column_rows import BOUNDS, column_text_bounds
from columnar_etl.profiling.epoch_aggregates import (
    MIN_POSITIVE_INTEGER,
    OPEN_END_BOUNDS,
    OPEN_END_CELLS,
    STAND_IN_CELLS,
)
from columnar_etl.profiling.layout_aggregates import (
    BREAK_PADDED,
    INDENTED,
    LINE_ENDED,
    LINE_ENDED_LINES,
    LINES,
    PADDED_WIDTH_BOUNDS,
    PARAGRAPH_INDENTED,
    SPACE_PADDED,
    START_PADDED,
)
from columnar_etl.profiling.number_reading import PADDED_LINES
from columnar_etl.profiling.number_text import UNGROUPED
from columnar_etl.profiling.profile_codes import (
    DATE_SHAPE_BY_CODE,
    EXAMPLE_KINDS,
    EXAMPLES,
    Flag,
    StorageClass,
    make_code,
    split_code,
)
from columnar_etl.profiling.tokens import stripped_examples, token_cells, tokens_kept_as_values
from columnar_etl.rules import Shape

#: Shapes of a number written with a fraction or an exponent (a REAL cell is one of them).
FRACTION_SHAPES = (Shape.DECIMAL, Shape.EXPONENT)


def fold_groups(
    groups: list[dict[str, Any]],
    *,
    declared_unique: bool = False,
    as_bound: bool = False,
    setting_value: bool = False,
    default_value: str | None = None,
    refined: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """One column's figures from its rows of the profile query (see sql.table_profile_sql).

    The row without a code holds the column's bounds; one row per code holds its cells, distinct
    values and examples. ``declared_unique``: the schema declares the column unique by itself (beside
    the table's key); ``as_bound``: its affinity is BLOB (no declared type), so each cell's storage
    class is the one its writer bound (see :func:`.tokens.tokens_kept_as_values`); ``setting_value``: it is a
    name/value table's values (:attr:`SourceColumn.setting_value`); ``default_value``: the text the
    schema has a NOT NULL column hold where none is given (:func:`.blanks.declared_default_value`);
    ``refined``: its null tokens of capitals that other values of its refine (:mod:`.refined_codes`).
    """
    whole = next((g for g in groups if g["code"] is None), None)
    coded = [(split_code(int(g["code"])), g) for g in groups if g["code"] is not None]
    tokens = tokens_kept_as_values(
        coded,
        declared_unique=declared_unique,
        as_bound=as_bound,
        setting_value=setting_value,
        default_value=default_value,
        refined=refined,
    )
    if tokens:
        # Those tokens are text like the column's other values from here on (codes, examples); a row
        # holding others too (null 300 times beside a headword none) is split by each token's cells.
        split: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]] = []
        for (storage, shape, flags), g in coded:
            if shape != Shape.NULL_LIKE or not stripped_examples(g["examples"]) & tokens:
                split.append(((storage, shape, flags), g))
                continue
            counts, sizes = token_cells(g), token_cells(g, "bytes")
            for kept, part_shape in ((True, Shape.OTHER), (False, Shape.NULL_LIKE)):
                names = {token for token in counts if (token in tokens) == kept}
                if names:
                    part = {
                        **g,
                        "cells": sum(counts[token] for token in names),
                        "bytes": sum(sizes[token] for token in names),
                        "distinct_values": sum(
                            1 for value in g["examples"] or [] if str(value).strip() in names
                        ),
                        "examples": [value for value in g["examples"] or [] if str(value).strip() in names],
                    }
                    split.append(((storage, part_shape, flags), part))
        coded = split
    codes: dict[int, int] = {}
    #: Numbers of a thousand or more written without grouping, by storage class (infer_column's
    #: thousands comma format).
    ungrouped: dict[StorageClass, int] = dict.fromkeys(StorageClass, 0)
    for (storage, shape, flags), g in coded:
        code = make_code(storage, shape, flags)
        codes[code] = codes.get(code, 0) + int(g["cells"])
        ungrouped[storage] += int(g[UNGROUPED] or 0)
    folded: dict[str, Any] = {
        "codes": codes,
        UNGROUPED: ungrouped,
        **{
            name: sum(int(g[name] or 0) for _, g in coded)
            for name in (
                LINE_ENDED,
                LINE_ENDED_LINES,
                LINES,
                SPACE_PADDED,
                START_PADDED,
                INDENTED,
                BREAK_PADDED,
                PARAGRAPH_INDENTED,
            )
        },
        # The padded values of several lines (documents, loaded byte for byte): the LINES of the codes
        # of padded values (a code holds padded values or none: Flag.PADDED), no aggregate of its own.
        PADDED_LINES: sum(int(g[LINES] or 0) for (_, _, flags), g in coded if flags & Flag.PADDED),
        "distinct": sum(int(g["distinct_values"]) for _, g in coded),
        "bytes": sum(int(g["bytes"] or 0) for _, g in coded),
        "tokens_as_values": sorted(tokens),
    }
    for key in (*BOUNDS, *PADDED_WIDTH_BOUNDS, MIN_POSITIVE_INTEGER, *OPEN_END_BOUNDS):
        folded[key] = whole[key] if whole else None
    # The cells of each stand-in for no end, and for no date or never (a value may be a cell of two
    # codes: INTEGER and TEXT).
    for key in (OPEN_END_CELLS, STAND_IN_CELLS):
        ends: dict[int, int] = {}
        for end in (whole or {}).get(key) or ():
            ends[int(end["value"])] = ends.get(int(end["value"]), 0) + int(end["cells"])
        folded[key] = ends
    # The bytes of the values no whitespace pads (layout.padded_width): their codes' own bounds, a
    # code holding padded values or none (Flag.PADDED), NULL, '', null tokens and BLOBs aside.
    unpadded = [
        g
        for (_, shape, flags), g in coded
        if not flags & Flag.PADDED
        and shape > Shape.NULL_LIKE
        and shape != Shape.BLOB
        and g["min_value_bytes"] is not None
    ]
    folded["min_unpadded_bytes"] = min((int(g["min_value_bytes"]) for g in unpadded), default=None)
    folded["max_unpadded_bytes"] = max((int(g["max_value_bytes"]) for g in unpadded), default=None)
    # The bounds of the numbers written with a fraction or an exponent (REAL cells are), apart from
    # the integers': a date/time column's Julian days beside its epoch integers or compact dates.
    fractions = [g for (_, shape, _), g in coded if shape in FRACTION_SHAPES and g["min_number"] is not None]
    folded["min_fraction"] = min((float(g["min_number"]) for g in fractions), default=None)
    folded["max_fraction"] = max((float(g["max_number"]) for g in fractions), default=None)
    folded.update(_bounds_beside_zeros(coded))
    if whole:
        folded.update(column_text_bounds(groups))
    if tokens and folded["min_text"] is not None:
        folded["min_text"] = min(folded["min_text"], *tokens)
        folded["max_text"] = max(folded["max_text"], *tokens)
    for kind, shows in EXAMPLE_KINDS.items():
        values = [v for (_, shape, flags), g in coded if shows(shape, flags) for v in g["examples"] or []]
        folded[f"ex_{kind}"] = sorted(values)[:EXAMPLES]
    # The date shapes' examples by which readings make them dates: an override's reading picks its own.
    both = Flag.VALID_DAY_FIRST | Flag.VALID_MONTH_FIRST
    dates: dict[tuple[int, int], list[Any]] = {}
    for (_, shape, flags), g in coded:
        if shape in DATE_SHAPE_BY_CODE and g["examples"]:
            dates.setdefault((int(shape), flags & both), []).extend(g["examples"])
    folded["ex_dates"] = {key: sorted(values)[:EXAMPLES] for key, values in dates.items()}
    return folded


def _bounds_beside_zeros(
    coded: list[tuple[tuple[StorageClass, Shape, int], dict[str, Any]]],
) -> dict[str, Any]:
    """The bounds of a column's numbers other than its bare ``0`` cells (``min_beside_zeros`` /
    ``max_beside_zeros``: epoch integers beside 0 for "no date",
    :func:`.no_date_numbers.epoch_beside_zeros`), from the rows of its codes (a ``0`` or ``1`` is a
    code of its own, :attr:`Flag.ZERO_ONE`): None unless the column holds a 0 and no 1, and other
    numbers. The plain integers' exact bounds where a code has them."""
    zeros = [g for (_, _, flags), g in coded if flags & Flag.ZERO_ONE and g["min_number"] is not None]
    others = [g for (_, _, flags), g in coded if not flags & Flag.ZERO_ONE and g["min_number"] is not None]
    if not zeros or not others or any(float(g["max_number"]) != 0 for g in zeros):
        return {"min_beside_zeros": None, "max_beside_zeros": None}

    if not all(math.isfinite(float(g[bound])) for g in others for bound in ("min_number", "max_number")):
        # Text past the doubles ('1e999', 15 digits of 1.797...e+308 rounded up) is read as an infinity:
        # no moment (until 2026-12-05 the profile failed, "cannot convert float infinity to integer").
        return {"min_beside_zeros": None, "max_beside_zeros": None}

    def exact(g: dict[str, Any], bound: str) -> int:
        plain = g.get(f"{bound}_integer")
        return int(plain) if plain is not None else int(g[f"{bound}_number"])

    return {
        "min_beside_zeros": min(exact(g, "min") for g in others),
        "max_beside_zeros": max(exact(g, "max") for g in others),
    }
