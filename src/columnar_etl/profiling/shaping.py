"""One column's levels of the profile query (:func:`column_projections`): each distinct value
trimmed, its minus sign read, shaped (one ``CASE`` over anchored regular expressions behind cheap
tests), its zone's name read, parsed, its instants ranged, and coded: storage class, shape and flags
folded into one integer (:mod:`.profile_codes`)."""

from __future__ import annotations

from collections.abc import Collection

from columnar_etl.pg.identifiers import quote_ident, quote_literal
from columnar_etl.profiling.date_parses import month_first_sql, parse_sql, ranged_sql, year_zero_sql
from columnar_etl.profiling.distinct_values import in_places
from columnar_etl.profiling.number_text import COMMA, THOUSANDS, group_separator_sql, ungrouped_sql
from columnar_etl.profiling.profile_codes import (
    CLASS_FACTOR,
    DASHED_SHAPES,
    GROUPED_INTEGERS,
    NUMBER_SHAPES,
    PLAIN_NUMBER_SHAPES,
    SHAPE_FACTOR,
    SLASH_SHAPES,
    WALL_CLOCK_SHAPES,
    Flag,
    StorageClass,
    codes,
    shape_in,
)
from columnar_etl.profiling.text_patterns import (
    BINARY_CONTROL_REGEX,
    EMAIL_REGEX,
    PERSON_NAME_REGEX,
    PHONE_REGEX,
    word_form,
)
from columnar_etl.profiling.value_text import (
    MINUS_SIGN_EXTRA_BYTES,
    NUL_SQL,
    minus_read_sql,
    signed_sql,
    trimmed_sql,
)
from columnar_etl.rules import (
    BOOLEAN_FALSE_DIGIT,
    BOOLEAN_FALSE_WORDS,
    BOOLEAN_TRUE_DIGIT,
    BOOLEAN_TRUE_WORDS,
    NON_FINITE_WORDS,
    Shape,
)
from columnar_etl.rules.date_shapes import DATE_SHAPES
from columnar_etl.rules.dates import (
    COMPACT_FORMATS,
    COMPACT_TIMESTAMP_FORMAT,
    FINER_THAN_MICROSECONDS_LENGTHS,
    FINER_THAN_MICROSECONDS_REGEX,
    MONTH_TIME_REGEX,
    NAME_STARTS,
    NAMED_COMPACT_TIMESTAMP_RANGE,
    NAMED_DATE_FAMILIES,
    NAMED_DAY_START_REGEX,
    TIME_OF_DAY_CANONICAL_REGEX,
    TIME_OF_DAY_LENGTHS,
    TIME_OF_DAY_REGEX,
    TWO_DIGIT_YEAR_NAMED_REGEX,
    TWO_DIGIT_YEAR_SLASH_REGEX,
    ZONE_NAME_AT_REGEX,
    ZONE_NAME_OFFSETS,
)
from columnar_etl.rules.numbers import (
    CANONICAL_NUMBER_REGEX,
    DIGIT_GROUPED_REGEX,
    DIGIT_GROUPED_SHAPES,
    EXPONENT_MARK_REGEX,
    GROUP_SEPARATORS,
    GROUPED_NUMBER_BYTES,
    GROUPED_SHAPES,
    NUMBER_REGEXES,
    PROFILE_INTEGER_REGEX,
    SPACE_GROUP3_BYTES,
)


def _one_of(expr: str, values: tuple[str, ...] | list[str]) -> str:
    # list_contains, not IN (...): DuckDB plans a long IN list of strings as a join, and two dozen of
    # those in one query cost seconds of planning.
    return f"list_contains([{', '.join(quote_literal(value) for value in values)}], {expr})"


def column_projections(
    index: int,
    column: str,
    null_tokens: list[str],
    classes: bool = False,
    dated: Collection[int] = (),
    untrimmed: Collection[int] = (),
    timed: Collection[int] = (),
    clocked: Collection[int] = (),
    kept_empty: Collection[int] = (),
) -> tuple[list[str], ...]:
    """One column's expressions for the seven nested SELECTs: trimmed, signed, shaped, zoned, parsed,
    ranged, coded.

    Nested, because an expression referring to an alias of its own SELECT list gets the aliased
    expression inlined: the shape CASE would then run once per reference instead of once per value.
    With ``classes`` the level below also has ``sc<index>`` (the cell's :class:`StorageClass`) and
    ``e<index>`` (TEXT that was not valid UTF-8): a BLOB is never shaped, and both go into the code.
    ``dated``: the ``idx`` of the columns declared a date or timestamp, whose integers of eight digits
    are also read as compact dates (``20250520``): the parse, and so :attr:`Flag.VALID_DAY_FIRST`, of
    such an INTEGER-shaped value is its date (the profile decides whether the column reads them).
    ``timed``: the ``idx`` of the columns not declared so whose name says they hold a time
    (:func:`.marked_places.named_compact_places`): only their integers of fourteen digits within
    :data:`~columnar_etl.rules.dates.NAMED_COMPACT_TIMESTAMP_RANGE` are parsed, as compact timestamps.
    ``clocked``: the ``idx`` of the columns declared a time of day without zone (``TIME``,
    ``TIME(6)``): only their text of a time of day is shaped :attr:`Shape.TIME_OF_DAY` (flagged
    :attr:`Flag.NOT_CANONICAL` where it is not PostgreSQL's own text of that time); elsewhere ``12:30``
    is text of no shape (a score, a ratio).
    ``untrimmed``: the ``idx`` of the columns whose text keeps its padding (``trim = false``): their
    values are shaped, counted and measured as written, as the cleaner keeps them (a value of blanks
    alone is text, no value is padded; NUL bytes aside, only ``''`` is empty and a null token is one
    written exactly so).
    ``kept_empty``: the ``idx`` of the columns whose ``''`` is a value (``empty_is_null = false``):
    there ``''`` (a value of blanks alone once trimmed, or NUL bytes alone once removed) is shaped
    :attr:`Shape.OTHER`, text, and a value of blanks alone that the trim makes ``''`` is padded, as
    the cleaner keeps and trims them.
    """
    raw = quote_ident(column)
    r, t, k, d, mf, n, g, code = (f"{x}{index}" for x in ("r", "t", "k", "d", "mf", "n", "g", "code"))
    # m: the trimmed value started with U+2212 before its digits, which ``t`` has as '-' from the
    # signed level on (shapes, parses, flags read it so; text bounds and byte counts restore it).
    m = f"m{index}"
    sp = f"sp{index}"
    sc, e = f"sc{index}", f"e{index}"
    carried = [sc, e, f"nb{index}"] if classes else []
    whens = [
        f"WHEN {r} IS NULL THEN {Shape.NULL:d}",
        *([f"WHEN {sc} = {StorageClass.BLOB:d} THEN {Shape.BLOB:d}"] if classes else []),
        f"WHEN {t} = '' THEN "
        + (
            f"CASE WHEN {in_places(kept_empty)} THEN {Shape.OTHER:d} ELSE {Shape.EMPTY:d} END"
            if kept_empty
            else f"{Shape.EMPTY:d}"
        ),
    ]
    if null_tokens:
        # strlen is O(1) on DuckDB strings: most values are longer than any token and skip the list.
        longest = max(len(token.encode()) for token in null_tokens)
        whens.append(f"WHEN strlen({t}) <= {longest} AND {_one_of(t, null_tokens)} THEN {Shape.NULL_LIKE:d}")
    if classes:
        # An INTEGER cell's text is SQLite's own rendering of an int64: an integer, no regex needed.
        whens.append(f"WHEN {sc} = {StorageClass.INTEGER:d} THEN {Shape.INTEGER:d}")
        # A REAL cell's is the shortest text that reads back as its double
        # (distinct_values.distinct_cells_sql): [-]digits.digits, or [-]d[.digits]e[+-]digits when an
        # exponent is needed, or inf / -inf. With an 'e' it is an exponent, other digits a decimal, inf an
        # infinity.
        whens.append(
            f"WHEN {sc} = {StorageClass.REAL:d} THEN CASE WHEN contains({t}, 'e') THEN {Shape.EXPONENT:d} "
            f"WHEN contains({t}, '.') THEN {Shape.DECIMAL:d} "
            f"WHEN lower({t}) IN ('inf', '-inf') THEN {Shape.REAL_INFINITY:d} ELSE {Shape.OTHER:d} END"
        )
    # TEXT's infinity and NaN (a REAL cell's inf is shaped above): no number's or date's shape.
    longest_word = max(len(word) for word in NON_FINITE_WORDS)
    whens.append(
        f"WHEN strlen({t}) <= {longest_word} AND {_one_of(f'lower({t})', NON_FINITE_WORDS)} "
        f"THEN {Shape.NON_FINITE:d}"
    )
    sign_bytes = f"CASE WHEN {m} THEN {MINUS_SIGN_EXTRA_BYTES} ELSE 0 END"
    words = (*BOOLEAN_TRUE_WORDS, *BOOLEAN_FALSE_WORDS)
    is_word = f"strlen({t}) <= {max(map(len, words))} AND {_one_of(f'lower({t})', words)}"
    digit_start = f"(unicode({t}) BETWEEN 48 AND 57 OR unicode({t}) IN (43, 45, 46))"
    other = f"ELSE {Shape.OTHER:d} END"

    def dates(separator: str, *, dashed: bool = False, digit: bool | None = None) -> str:
        # The length in bytes (O(1)) picks the one or two regular expressions a value can match.
        # ``digit``: only the shapes starting with a digit (True) or with a letter (False).
        return " ".join(
            f"WHEN strlen({t}) BETWEEN {s.lengths[0]} AND {s.lengths[1]} "
            f"AND regexp_full_match({t}, {quote_literal(s.regex)}) THEN {s.shape:d}"
            for s in DATE_SHAPES
            if (s.shape in DASHED_SHAPES if dashed else s.separator == separator)
            and (digit is None or s.regex.startswith(r"\d") == digit)
        )

    def named_dates(digit: bool) -> str:
        # Each date with a month's name and any time after it in one regex (see MONTH_TIME_REGEX),
        # the time's shape by its colons and AM/PM; then the other forms with a month's name.
        families = []
        for date, regex, (low, high), times in NAMED_DATE_FAMILIES:
            if regex.startswith(r"\d") != digit:
                continue
            colons = f"(strlen({t}) - strlen(replace({t}, ':', '')))"
            am_pm = f"{t}[-1:] IN ('M', 'm')"
            time = (
                f"CASE WHEN NOT contains({t}, ':') THEN {date:d} "
                f"WHEN {am_pm} THEN CASE WHEN {colons} = 2 "
                f"THEN {times['HMS_AMPM']:d} ELSE {times['HM_AMPM']:d} END "
                f"WHEN {colons} = 2 THEN {times['HMS']:d} ELSE {times['HM']:d} END"
            )
            families.append(
                f"WHEN strlen({t}) BETWEEN {low} AND {high + 12} "
                f"AND regexp_full_match({t}, {quote_literal(regex + MONTH_TIME_REGEX)}) THEN {time}"
            )
        in_families = {
            shape for date, _, _, times in NAMED_DATE_FAMILIES for shape in (date, *times.values())
        }
        others = " ".join(
            f"WHEN strlen({t}) BETWEEN {s.lengths[0]} AND {s.lengths[1]} "
            f"AND regexp_full_match({t}, {quote_literal(s.regex)}) THEN {s.shape:d}"
            for s in DATE_SHAPES
            if s.separator == "mon" and s.shape not in in_families and s.regex.startswith(r"\d") == digit
        )
        return " ".join([*families, others])

    def named(digit: bool) -> str:
        # A month's name (or a weekday's) where it must be, else no regex at all: most text starting
        # with a letter or with a number and a space is no date (the first three letters, lower-cased,
        # among 19 words; after a number, one short regex behind a test of the second or third byte).
        shapes = [s for s in DATE_SHAPES if s.separator == "mon" and s.regex.startswith(r"\d") == digit]
        low, high = min(s.lengths[0] for s in shapes), max(s.lengths[1] for s in shapes)
        if digit:
            marks = f"({t}[2] IN (' ', '-') OR {t}[3] IN (' ', '-'))"
            start = f"{marks} AND regexp_matches({t}, {quote_literal(NAMED_DAY_START_REGEX)})"
        else:
            start = _one_of(f"lower({t}[1:3])", NAME_STARTS)
        two_digit = named_two_digit if digit else ""
        return (
            f"WHEN strlen({t}) BETWEEN {low} AND {high} AND {start} THEN CASE {named_dates(digit)} "
            f"{two_digit} {other}"
        )

    # Dates of two-digit years, searched where a date of their look is and none matched.
    two_digit_year = f"THEN {Shape.TWO_DIGIT_YEAR:d}"
    named_two_digit = (
        f"WHEN regexp_full_match({t}, {quote_literal(TWO_DIGIT_YEAR_NAMED_REGEX)}) {two_digit_year}"
    )
    slash_two_digit = (
        f"WHEN regexp_full_match({t}, {quote_literal(TWO_DIGIT_YEAR_SLASH_REGEX)}) {two_digit_year}"
    )

    numbers = " ".join(
        f"WHEN regexp_full_match({t}, {quote_literal(regex)}) THEN {shape:d}"
        for shape, regex in NUMBER_REGEXES
    )
    # Numbers grouped by spaces or apostrophes: only a short value with a separator in it (strlen is
    # O(1), contains a byte search) meets their one pattern; other text, long or without one, none.
    # Its shape is then its decimal mark's, or for integers grouped by U+0020 the number of groups.
    # (Never in the branch of a '-' fifth: a grouped number has a '-' first or none.)
    separated = " OR ".join(f"contains({t}, {quote_literal(separator)})" for separator in GROUP_SEPARATORS)
    grouped = (
        f"WHEN strlen({t}) <= {GROUPED_NUMBER_BYTES} AND ({separated}) "
        f"AND regexp_full_match({t}, {quote_literal(DIGIT_GROUPED_REGEX)}) THEN CASE "
        f"WHEN contains({t}, {COMMA}) THEN {Shape.DIGIT_GROUPED_COMMA:d} "
        f"WHEN contains({t}, '.') THEN {Shape.DIGIT_GROUPED_POINT:d} "
        f"WHEN contains({t}, ' ') AND strlen(ltrim({t}, '-')) <= {SPACE_GROUP3_BYTES} "
        f"THEN {Shape.SPACE_GROUP3:d} ELSE {Shape.DIGIT_GROUPED_INTEGER:d} END"
    )
    finer_low, finer_high = FINER_THAN_MICROSECONDS_LENGTHS
    if clocked:
        # strlen is O(1) and the place a list lookup: only short text of a declared TIME column meets
        # the regex (a time of day starts with a digit: the branches below never see it).
        shortest, longest = TIME_OF_DAY_LENGTHS
        whens.append(
            f"WHEN strlen({t}) BETWEEN {shortest} AND {longest} AND {in_places(clocked)} "
            f"AND regexp_full_match({t}, {quote_literal(TIME_OF_DAY_REGEX)}) THEN {Shape.TIME_OF_DAY:d}"
        )
    # Cheap tests pick the branch (first character, a '-' at position 5, a '/', the length), so a
    # value meets at most a few regular expressions: text skips them all, integers and dates meet one.
    # The branches cannot overlap (an integer has no '-' after its sign and no '/'), so the order
    # only decides cost: dates, then integers, then other numbers.
    whens += [
        f"WHEN NOT {digit_start} THEN CASE WHEN {is_word} THEN {Shape.BOOLEAN_WORD:d} {named(False)} {other}",
        # A '-' fifth is an ISO date, or an exponent ('2.5e-3'): the numbers when no date matches. A
        # timestamp of a finer fraction than PostgreSQL keeps is none (but no number either).
        f"WHEN {t}[5] = '-' THEN CASE {dates('-')} "
        f"WHEN strlen({t}) BETWEEN {finer_low} AND {finer_high} "
        f"AND regexp_full_match({t}, {quote_literal(FINER_THAN_MICROSECONDS_REGEX)}) "
        f"THEN {Shape.TS_FINER_THAN_MICROSECONDS:d} ELSE CASE {numbers} {other} END",
        f"WHEN contains({t}, '/') THEN CASE {dates('/')} {slash_two_digit} {other}",
        f"WHEN regexp_full_match({t}, {quote_literal(PROFILE_INTEGER_REGEX)}) THEN {Shape.INTEGER:d}",
        # A dotted date (20.05.2025) has two dots: no number has; the lengths keep '1.5' off its regexes.
        # A dashed day-first date has its '-' third or second (20-05-2025, 2-5-2025), or fifth (2-05-2025:
        # the branch above, where dates('-') holds it).
        # A T ninth is ISO's basic format (20250520T084200), no number.
        f"ELSE CASE {named(True)} WHEN {t}[9] = 'T' THEN CASE {dates('basic')} {other} "
        f"{dates('.')} {dates('-', dashed=True)} {numbers} {grouped} {named_two_digit} {other}",
    ]
    shape_case = "CASE " + " ".join(whens) + " END"
    zone, offset = f"zn{index}", f"zo{index}"
    parses = {s.shape: parse_sql(t, s, zone, offset) for s in DATE_SHAPES}
    day_first = " ".join(f"WHEN {shape:d} THEN {parse}" for shape, (parse, _) in parses.items())
    instants = [shape for shape, (_, instant) in parses.items() if instant]
    compact_parses = []
    if dated:
        # strlen is O(1): only integers of 8 or 14 characters in a declared date column meet strptime.
        compact = " ".join(
            f"WHEN strlen({t}) = {digits} THEN try_strptime({t}, {quote_literal(fmt)})"
            for digits, fmt in COMPACT_FORMATS.items()
        )
        lengths = ", ".join(str(digits) for digits in COMPACT_FORMATS)
        compact_parses.append(
            f"WHEN strlen({t}) IN ({lengths}) AND {in_places(dated)} "
            f"AND NOT starts_with({t}, '0000') THEN CASE {compact} END"
        )
    if timed:
        # Fourteen digits compare as their number does: a sign sorts before every digit.
        low, high = (quote_literal(bound) for bound in NAMED_COMPACT_TIMESTAMP_RANGE)
        compact_parses.append(
            f"WHEN strlen({t}) = 14 AND {in_places(timed)} AND {t} BETWEEN {low} AND {high} "
            f"THEN try_strptime({t}, {quote_literal(COMPACT_TIMESTAMP_FORMAT)})"
        )
    if compact_parses:
        day_first += f" WHEN {Shape.INTEGER:d} THEN CASE {' '.join(compact_parses)} END"
    month_first = " ".join(
        f"WHEN {s.shape:d} THEN CASE WHEN NOT {year_zero_sql(t, s)} "
        f"THEN try_strptime({t}, {quote_literal(s.month_first)}) END"
        for s in DATE_SHAPES
        if s.month_first is not None
    )
    slash = shape_in(k, SLASH_SHAPES)
    # Their first two fields, dashed (20-05-2025) or slashed.
    fields = f"replace({t}, '-', '/')"
    trues = _one_of(f"lower({t})", BOOLEAN_TRUE_WORDS)
    one, zero = quote_literal(BOOLEAN_TRUE_DIGIT), quote_literal(BOOLEAN_FALSE_DIGIT)
    # A value without its NUL bytes, trimmed as the cleaner trims a text column's (see Flag.PADDED
    # below); a column keeping its padding (trim = false) is not trimmed, so none of its values is padded.
    without_nul = f"replace({t}, {NUL_SQL}, '')"
    nul_trimmed = trimmed_sql(without_nul)
    # A value trimmed to '' is no padded value but a blank one, unless '' is a value (kept_empty).
    nonempty = f"({t} <> '' OR {in_places(kept_empty)})" if kept_empty else f"{t} <> ''"
    if untrimmed:
        nul_trimmed = f"CASE WHEN {in_places(untrimmed)} THEN {without_nul} ELSE {nul_trimmed} END"
    parts = dict(
        zip(
            [
                Flag.TRUE_WORD,
                Flag.SECOND_GT12,
                Flag.FIRST_GT12,
                Flag.NUL,
                Flag.PADDED,
                Flag.VALID_MONTH_FIRST,
                Flag.VALID_DAY_FIRST,
                Flag.ZERO_ONE,
                Flag.EMAIL,
                Flag.PHONE,
                Flag.PERSON_NAME,
                Flag.NOT_CANONICAL,
                Flag.OUT_OF_BIGINT,
                Flag.INVALID_ENCODING,
                Flag.NOT_A_DOUBLE,
                Flag.WORD_UPPER,
                Flag.MINUS_SIGN,
                Flag.MIDNIGHT,
            ],
            [
                f"CASE WHEN {t} = {one} OR ({k} = {Shape.BOOLEAN_WORD:d} AND {trues}) "
                f"THEN {Flag.TRUE_WORD:d} ELSE 0 END",
                f"CASE WHEN {slash} AND try_cast(split_part({fields}, '/', 2) AS INTEGER) > 12 "
                f"THEN {Flag.SECOND_GT12:d} ELSE 0 END",
                f"CASE WHEN {slash} AND try_cast(split_part({fields}, '/', 1) AS INTEGER) > 12 "
                f"THEN {Flag.FIRST_GT12:d} ELSE 0 END",
                # A NUL byte in what the value is (not one the cleaner removes from an absent value);
                # BINARY_NUL too when no terminator's (a CASE: its tests run on the values holding a
                # NUL only).
                # Without a NUL, BINARY_NUL alone for a value that is no UTF-8 and holds control
                # bytes (bytes PHP's PDO bound as a string: no text is written of either).
                f"CASE WHEN contains({t}, {NUL_SQL}) THEN CASE WHEN contains(rtrim({t}, {NUL_SQL}), "
                f"{NUL_SQL}) OR regexp_matches({t}, {quote_literal(BINARY_CONTROL_REGEX)}) "
                f"THEN {Flag.NUL + Flag.BINARY_NUL:d} ELSE {Flag.NUL:d} END "
                + (
                    # A CASE, not AND: the expression then runs on the values that are no UTF-8 only.
                    f"WHEN {e} THEN CASE WHEN regexp_matches({t}, {quote_literal(BINARY_CONTROL_REGEX)}) "
                    f"THEN {Flag.BINARY_NUL:d} ELSE 0 END "
                    if classes
                    else ""
                )
                + "ELSE 0 END",
                # Padded: whitespace trimmed (NUL bytes removed are no padding: 'NULL\0' is not padded).
                # The cleaner removes a text column's NULs before it trims, so the blanks a NUL hid
                # from the trim of the value as written count too ('abc\n\0', '\0 x').
                f"CASE WHEN {nonempty} AND CASE WHEN contains({r}, {NUL_SQL}) "
                f"THEN strlen(replace({r}, {NUL_SQL}, '')) "
                f"<> strlen({nul_trimmed}) + {sign_bytes} "
                f"ELSE strlen({r}) <> strlen({t}) + {sign_bytes} END THEN {Flag.PADDED:d} ELSE 0 END",
                f"CASE WHEN {month_first_sql(index)} IS NOT NULL THEN {Flag.VALID_MONTH_FIRST:d} ELSE 0 END",
                f"CASE WHEN {d} IS NOT NULL THEN {Flag.VALID_DAY_FIRST:d} ELSE 0 END",
                f"CASE WHEN {t} = {zero} OR {t} = {one} THEN {Flag.ZERO_ONE:d} ELSE 0 END",
                # Personal data, only on text (shape OTHER), each behind a cheap guard so long text skips it.
                f"CASE WHEN {k} = {Shape.OTHER:d} AND contains({t}, '@') "
                f"AND regexp_full_match({t}, {quote_literal(EMAIL_REGEX)}) THEN {Flag.EMAIL:d} ELSE 0 END",
                f"CASE WHEN {k} = {Shape.OTHER:d} AND strlen({t}) <= 24 "
                f"AND (unicode({t}) BETWEEN 48 AND 57 OR unicode({t}) IN (40, 43)) "
                f"AND regexp_full_match({t}, {quote_literal(PHONE_REGEX)}) THEN {Flag.PHONE:d} ELSE 0 END",
                f"CASE WHEN {k} = {Shape.OTHER:d} AND strlen({t}) <= 40 AND contains({t}, ' ') "
                f"AND regexp_full_match({t}, {quote_literal(PERSON_NAME_REGEX)}) "
                f"THEN {Flag.PERSON_NAME:d} ELSE 0 END",
                f"CASE WHEN {k} IN ({codes([Shape.INTEGER, Shape.DECIMAL, Shape.DOT_GROUP3])}) "
                f"AND NOT regexp_full_match({t}, {quote_literal(CANONICAL_NUMBER_REGEX)}) "
                f"THEN {Flag.NOT_CANONICAL:d} "
                + (
                    # A time of day that is not PostgreSQL's text of it (08:30, 8:30:00, …:00.500000).
                    f"WHEN {k} = {Shape.TIME_OF_DAY:d} "
                    f"AND NOT regexp_full_match({t}, {quote_literal(TIME_OF_DAY_CANONICAL_REGEX)}) "
                    f"THEN {Flag.NOT_CANONICAL:d} "
                    if clocked
                    else ""
                )
                + "ELSE 0 END",
                # A grouped integer's digits too (-100,000,000,000,000,000,000): the cleaner's bigint
                # would quarantine it where the profile counted it valid.
                # A CASE on the shape: each cast then runs on its shape's values only (the operands
                # of AND and OR in a projection run on every value).
                f"CASE WHEN {k} = {Shape.INTEGER:d} AND try_cast({t} AS BIGINT) IS NULL "
                f"OR {k} = {Shape.GROUPED_INTEGER:d} AND try_cast(replace({t}, {THOUSANDS}, '') AS BIGINT) "
                f"IS NULL THEN {Flag.OUT_OF_BIGINT:d} "
                f"WHEN {k} NOT IN ({codes(GROUPED_INTEGERS)}) THEN 0 "
                f"WHEN try_cast({ungrouped_sql(t, sp)} AS BIGINT) IS NULL "
                f"THEN {Flag.OUT_OF_BIGINT:d} ELSE 0 END",
                f"CASE WHEN {e} THEN {Flag.INVALID_ENCODING:d} ELSE 0 END" if classes else "",
                _not_a_double(t, k, sc, f"coalesce({n}, {g})") if classes else "",
                # All three forms and DIGITS (they exclude each other) under the first's key; on text,
                # null tokens and boolean words only (a number's digits are no code).
                f"CASE WHEN {k} = {Shape.OTHER:d} THEN {word_form(t, digits=True)} "
                f"WHEN {k} IN ({codes([Shape.NULL_LIKE, Shape.BOOLEAN_WORD])}) THEN {word_form(t)} "
                "ELSE 0 END",
                f"CASE WHEN {m} THEN {Flag.MINUS_SIGN:d} ELSE 0 END",
                # A wall-clock time at midnight, in either reading (the time of day is the same in both).
                f"CASE WHEN {shape_in(k, WALL_CLOCK_SHAPES)} THEN CASE WHEN "
                f"CAST(coalesce({d}, {mf}) AS TIME) = TIME '00:00:00' THEN {Flag.MIDNIGHT:d} ELSE 0 END "
                "ELSE 0 END",
            ],
            strict=True,
        )
    )
    # Every flag's test on every value: each is 0 by construction where it does not apply (a '0'/'1',
    # a boolean word, a number shape are no text or date; personal data and word forms test the shape
    # first). A CASE on the shape that tested each shape's few flags only (text, dates) cost more than
    # it saved: DuckDB plans every branch, and planning is most of a small table's profile (19 small
    # tables, medians of 8 interleaved fresh processes: 0.875 -> 0.728 s of wall, 1.58 -> 1.30 s of
    # CPU; the wide export 1.011 -> 0.992 s).
    flags = " + ".join(part for part in parts.values() if part)
    compact_time = (
        f"CASE WHEN {k} = {Shape.INTEGER:d} AND strlen({t}) = 14 AND {d} IS NOT NULL "
        f"THEN {Flag.COMPACT_TIME:d} ELSE 0 END"
    )
    if dated:
        compact_time += (
            f" + CASE WHEN {k} = {Shape.INTEGER:d} AND strlen({t}) IN "
            f"({', '.join(str(digits) for digits in COMPACT_FORMATS)}) AND {d} IS NULL "
            f"AND {in_places(dated)} "
            f"THEN {Flag.COMPACT_NO_DAY:d} ELSE 0 END"
        )
    if compact_parses:
        flags += f" + {compact_time}"
    if classes:
        # An INTEGER cell shaped INTEGER is canonical, within bigint, unpadded, valid UTF-8 and no
        # date, number text or personal data: of all the flags, only '0' and '1' can carry any... The
        # full flag expression then runs on the other values only (most distinct values of a table
        # are often its integer keys).
        # ...and one of more than 15 significant digits is, as the same digits as TEXT are, a number
        # no double holds exactly (found by the lossless test).
        integer_flags = (
            f"CASE WHEN {t} = '1' THEN {Flag.TRUE_WORD + Flag.ZERO_ONE:d} WHEN {t} = '0' THEN "
            f"{Flag.ZERO_ONE:d} WHEN strlen({t}) > 15 AND length(rtrim(ltrim({t}, '-'), '0')) > 15 "
            f"THEN {Flag.NOT_A_DOUBLE:d} ELSE 0 END"
        )
        # A REAL cell shaped DECIMAL or EXPONENT is untrimmed text with a point or an exponent: it
        # carries no flag. The shortest text of a double has no NUL, no date, no 0/1 (1.0, 0.0), and a
        # decimal one is canonical: a '-' only, then '0' or digits from a leading 1-9, then a point
        # and at least one digit (tests/test_profile_sql.py compares the same texts stored as TEXT,
        # whose test runs).
        if compact_parses:
            # An integer of a declared date column may be a compact date (see the day-first parse).
            integer_flags = (
                f"{integer_flags} + CASE WHEN {d} IS NOT NULL "
                f"THEN {Flag.VALID_DAY_FIRST + Flag.VALID_MONTH_FIRST:d} ELSE 0 END + {compact_time}"
            )
        real_flags = "0"
        real_shapes = codes([Shape.DECIMAL, Shape.EXPONENT])
        flags = (
            f"CASE WHEN {sc} = {StorageClass.INTEGER:d} AND {k} = {Shape.INTEGER:d} THEN {integer_flags} "
            f"WHEN {sc} = {StorageClass.REAL:d} AND {k} IN ({real_shapes}) THEN {real_flags} "
            f"ELSE {flags} END"
        )
    shape_code = f"{sc} * {CLASS_FACTOR} + {k}" if classes else k
    # An INTEGER or REAL cell has no whitespace to trim. Text holding NUL bytes that is empty or a null
    # token once they are removed is that (the cleaner removes a text column's NULs before it trims,
    # and a typed column's absent value is judged so too): '  \0', a field of NULs, 'NULL\0'.
    bare = trimmed_sql(f"replace({raw}, {NUL_SQL}, '')")
    absent = _one_of(bare, ["", *null_tokens])
    if kept_empty:
        # '' is a value there: a NUL byte in it is no absent value's (the cleaner removes and audits it).
        tokens_only = _one_of(bare, null_tokens) if null_tokens else "false"
        absent = f"CASE WHEN {in_places(kept_empty)} THEN {tokens_only} ELSE {absent} END"
    text = f"CASE WHEN contains({raw}, {NUL_SQL}) AND {absent} THEN {bare} ELSE {trimmed_sql(raw)} END"
    if untrimmed:
        plain = f"replace({raw}, {NUL_SQL}, '')"
        gone = _one_of(plain, ["", *null_tokens])
        if kept_empty:
            kept_gone = _one_of(plain, null_tokens) if null_tokens else "false"
            gone = f"CASE WHEN {in_places(kept_empty)} THEN {kept_gone} ELSE {gone} END"
        written = f"CASE WHEN contains({raw}, {NUL_SQL}) AND {gone} "
        written += f"THEN {plain} ELSE {raw} END"
        text = f"CASE WHEN {in_places(untrimmed)} THEN {written} ELSE {text} END"
    trim = (
        f"CASE WHEN {sc} IN ({StorageClass.INTEGER:d}, {StorageClass.REAL:d}) THEN {raw} ELSE {text} END"
        if classes
        else text
    )
    trimmed = [f"{raw} AS {r}", f"{trim} AS {t}", *carried]
    # A U+2212 before the digits read as '-' (rules.numbers.MINUS_SIGN_START_REGEX), the fact kept in m.
    signed = [r, f"{minus_read_sql(t)} AS {t}", f"{signed_sql(t)} AS {m}", *carried]
    shaped = [r, t, m, f"{shape_case} AS {k}", *carried]
    # A zone's name (and its offset) in the values of the shapes that end with one (a level of its
    # own: written in each such shape's parse, its regex was bound five times a shape).
    named_zones = shape_in(k, [s.shape for s in DATE_SHAPES if "%Z" in s.day_first])
    zone_name = f"regexp_extract({t}, {quote_literal(ZONE_NAME_AT_REGEX)}, 1)"
    offsets = " ".join(
        f"WHEN {quote_literal(name)} THEN {quote_literal(offset)}"
        for name, offset in ZONE_NAME_OFFSETS.items()
    )
    zoned = [
        *carried,
        r,
        t,
        m,
        k,
        f"CASE WHEN {named_zones} THEN {zone_name} END AS {zone}",
        f"CASE WHEN {named_zones} THEN CASE {zone_name} {offsets} END END AS {offset}",
    ]
    parsed = [
        *carried,
        r,
        t,
        m,
        k,
        f"CASE {k} {day_first} END AS {d}",
        # Slash dates read month-first too (NULL for every other shape): each value is parsed once
        # per reading it can have, never twice the same way.
        f"CASE {k} {month_first} END AS {mf}",
        f"CASE WHEN {shape_in(k, PLAIN_NUMBER_SHAPES)} "
        f"THEN try_cast(replace({t}, {COMMA}, '.') AS DOUBLE) "
        f"WHEN {k} IN ({codes(DIGIT_GROUPED_SHAPES)}) "
        f"THEN try_cast({ungrouped_sql(t, group_separator_sql(t))} AS DOUBLE) END AS {n}",
        # Numbers with thousands separators, read that way (a comma group read as a decimal comma is
        # this value / 1000: both are correctly rounded doubles of the same decimal).
        f"CASE WHEN {k} IN ({codes(GROUPED_SHAPES)}) "
        f"THEN try_cast(replace({t}, {THOUSANDS}, '') AS DOUBLE) END AS {g}",
        # The separator of a number grouped by spaces or apostrophes (one per value).
        f"CASE WHEN {k} IN ({codes(DIGIT_GROUPED_SHAPES)}) THEN {group_separator_sql(t)} END AS {sp}",
    ]
    # The instants' range, tested once per value (see parse_sql).
    ranged = [*carried, r, t, m, k, f"{ranged_sql(d, k, instants)} AS {d}", mf, n, g, sp]
    # dm: the value read month-first where that differs (slash dates), else as read day-first.
    # i: an INTEGER-shaped value as an exact integer (HUGEINT: no double rounds it), once per value
    # for the aggregates that read it (sql.table_profile_sql).
    coded = [
        *carried,
        r,
        t,
        m,
        k,
        d,
        f"{month_first_sql(index)} AS dm{index}",
        n,
        g,
        sp,
        f"({shape_code})::BIGINT * {SHAPE_FACTOR} + {flags} AS {code}",
        f"CASE WHEN {k} = {Shape.INTEGER:d} THEN try_cast({t} AS HUGEINT) END AS i{index}",
    ]
    return trimmed, signed, shaped, zoned, parsed, ranged, coded


def _not_a_double(t: str, k: str, sc: str, number: str) -> str:
    """Flag TEXT of a number shape that no double holds exactly: more than 15 significant digits
    (DBL_DIG), a magnitude below the normal range (subnormal doubles have fewer digits), or none a
    double has at all: beyond the largest (``1e400``, which DuckDB reads as infinity) or a number that
    is not zero read as zero (``1e-400``). Those two the cleaner's double quarantined where the profile
    counted them valid; flagged, they keep their column numeric or text, as 17 digits do. (INTEGER
    cells: see ``integer_flags`` in :func:`column_projections`; REAL cells are doubles already.)
    ``number``: the value as the query parsed it (a grouped number's too: NULL, it made the test of
    its digits run twice, two regular expressions per value)."""
    exponent = quote_literal(EXPONENT_MARK_REGEX + ".*$")
    mantissa = f"regexp_replace(regexp_replace({t}, {exponent}, ''), '[^0-9]', '', 'g')"
    digits = f"length(rtrim(ltrim({mantissa}, '0'), '0'))"
    tiny = f"(abs({number}) < 2.2250738585072014e-308 AND ({number} <> 0 OR {digits} > 0) OR isinf({number}))"
    shapes = shape_in(k, NUMBER_SHAPES)
    return (
        f"CASE WHEN {sc} = {StorageClass.TEXT:d} AND {shapes} AND ({digits} > 15 OR {tiny}) "
        f"THEN {Flag.NOT_A_DOUBLE:d} ELSE 0 END"
    )
