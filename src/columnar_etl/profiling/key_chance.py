"""Whether values beat chance: integers held in a parent's keys (reach, spread, runs and counters), one
value two columns share (a drawn identifier), and a column distinct on every row of a small table."""

from __future__ import annotations

import math
import re

from columnar_etl.models import ColumnProfile
from columnar_etl.profiling.inclusion import Inclusion
from columnar_etl.profiling.reference_rows import (
    MAX_CHANCE,
    MIN_DISTINCT,
)
from columnar_etl.source.naming import names_by_id_word

#: The magnitude below which every whole double is exactly one integer (2^53).
_EXACT_DOUBLES = 2**53


def whole_numbers(column: ColumnProfile) -> bool:
    """Is ``column`` a double column of REAL cells (and integers) alone whose lowest and highest are
    whole numbers an integer holds exactly: pandas' float64 for an integer column with a blank
    (``to_sql`` writes ``43012345678.0``), under a name ending in an ``id`` word (``Contact ID``: an
    amount's or a measure's doubles, whole at their ends, are no identifiers, and comparing every double
    column of a table of a million rows with every integer key ran the references' query out of
    memory)? Such a column may refer to an integer key, its values measured
    as numbers (``inclusion.WHOLE_NUMBERS``: a fraction between its bounds is a key of none) under the
    rules of integers (since 2026-12-07; before, no reference: Freshdesk's tickets' ``Contact ID``)."""
    if (
        column.inferred_type != "double"
        or not names_by_id_word(column.name)
        or any(n for kind, n in column.storage_classes.items() if kind not in ("real", "integer", "null"))
    ):
        return False
    bounds = (column.min, column.max)
    return all(
        isinstance(b, int | float) and math.isfinite(b) and float(b).is_integer() and abs(b) < _EXACT_DOUBLES
        for b in bounds
    )


def integers_compared(column: ColumnProfile) -> bool:
    """Is ``column`` compared with integer keys as integers are: integers, or :func:`whole_numbers`?"""
    return column.inferred_type == "integer" or whole_numbers(column)


#: Keys left above a run of consecutive keys from the lowest (:func:`_counter_from_the_lowest_key`)
#: that make it a counter's range rather than a lookup used but for its last codes.
COUNTER_SHORT_BY = 10


def reaches(fit: Inclusion, *, far: bool = False) -> bool:
    """Do integer values that are keys (``fit``) reach the upper half of the keys (by rank)? If not,
    they sit at the bottom like codes: that parent is ruled out, not even a rival of another. Unless
    the parent's keys are ``far`` above their count (:func:`keys_above_their_count`): no code sits
    among those, and the chance measure alone tells a sample of the oldest keys from chance."""
    return far or 2 * fit.reach >= fit.keys + 1


def keys_above_their_count(key: ColumnProfile) -> bool:
    """Is every integer key above the number of keys (the lowest key greater than their count)? Such
    keys are not numbered from 1 (epoch milliseconds, as Anki keys its cards; codes from 1024): no
    code counting from 0 or 1 runs up to them, so the rank rule, which turns codes away, does not
    apply, and a reference to the oldest rows alone (the cards reviewed so far) is found when its
    values could not be keys by chance (since 2026-12-05)."""
    return isinstance(key.min, int) and key.min > key.distinct_count


def beyond_chance(fit: Inclusion, *, named: bool = False, far: bool = False, entity: bool = False) -> bool:
    """Do integer values that are keys (``fit``) show a reference rather than small numbers that are
    keys by chance? Two or more keys found, reaching the upper half of the keys (or keys ``far`` above
    their count), and either half the keys used or a chance of at most :data:`.reference_rows.MAX_CHANCE` (the
    module's rule 3). A column ``named`` for the parent (:func:`.reference_names.names_parent`) using half its
    keys is one even as a run from the lowest. A column whose name is the parent's ``entity`` (its last word,
    less ``id``, the table's singular: ``book`` → ``books``, ``ticket_id`` → ``tickets``;
    :func:`.reference_names.same_entity`) is one however few of the keys it uses: the name says which table,
    reaching the upper half that they are no codes at the bottom (a library's ratings of 40 % of its books,
    spread over all of them; since 2026-12-05: before, half the keys were needed, and keys 1..N fill
    their span, so no chance could ever tell). ``slot_type`` names ``slots`` but is a type."""
    if fit.found < MIN_DISTINCT or not reaches(fit, far=far):
        return False
    if entity:
        return True  # the name says which table; reaching the upper half, that they are no codes
    if 2 * fit.found >= fit.keys and (named or not _counter_from_the_lowest_key(fit)):
        return True  # a lookup table, used: tickets of 4 priorities
    if fit.low is None or fit.high is None or 2 * fit.found >= fit.high - fit.low + 1:
        return False  # a run of numbers (years, counters, codes), not a sample of a few keys
    # The share of the integers from 0 (or the lowest key found, if negative) to the highest key found
    # that are keys: `reach` of them at most. Evidence is how unlikely it is that `found` values as
    # likely anywhere in that span all land on keys.
    density = min(1.0, fit.reach / (fit.high - min(0, fit.low) + 1))
    return fit.found * math.log(density) <= math.log(MAX_CHANCE)


def _counter_from_the_lowest_key(fit: Inclusion) -> bool:
    """Are the keys found every key from the lowest up (``reach`` of them), consecutive integers,
    :data:`COUNTER_SHORT_BY` keys or more short of the last? Any counter from 1 (a ticket's priority
    0..99 beside a table of links keyed 1..132) lands on such keys: that many keys used is no evidence
    of a reference, where the same run up to the last key (every priority used) is, or a lookup's codes
    but its last few (3 statuses of 5)."""
    return first_keys(fit) and fit.reach <= fit.keys - COUNTER_SHORT_BY


def first_keys(fit: Inclusion) -> bool:
    """Are the keys found the first keys of the parent, every one from the lowest up (``reach`` of
    them), and consecutive integers (1, 2 of keys 1..3)? What any enum or counter numbered from 1
    holds: in an export that declares its references, no evidence of one it left undeclared."""
    return fit.found == fit.reach and consecutive_keys(fit)


#: How many of a parent's first keys an enum's codes may span (levels 0..3, statuses 1..9): values
#: within so few keys, which fill that span, are what any code holds (:func:`codes_among_first_keys`).
ENUM_SPAN = 10


def codes_among_first_keys(fit: Inclusion, key: ColumnProfile) -> bool:
    """Are the keys found within the parent's first :data:`ENUM_SPAN` keys, which are every integer from
    the lowest key to the highest found (levels 0, 2, 3 beside users 0..3)? Any code or enum, used but
    for a value or two, lands on such keys, gaps and all: in an export that declares its references, no
    evidence of one it left undeclared, as :func:`first_keys` are not (since 2026-12-07)."""
    if fit.high is None or not isinstance(key.min, int) or fit.reach > ENUM_SPAN:
        return False
    return fit.high - key.min + 1 == fit.reach


def pair_of_first_keys(fit: Inclusion, key: ColumnProfile) -> bool:
    """Are the column's values two, both keys, the parent's two lowest one after the other (1 and 2 of
    keys 1..3: only so few keys let two values reach the upper half)? What any two-valued code holds, as
    a flag's 0 and 1 are (a call's number presentation, allowed 1 or restricted 2, beside a table of two
    SIMs' voicemail sources keyed 1, 2): the pair fits the keys whatever it means (since 2026-12-07)."""
    return fit.distinct == fit.found == 2 and first_keys(fit) and fit.low == key.min


def consecutive_keys(fit: Inclusion) -> bool:
    """Are the keys found consecutive integers, every one from the lowest found to the highest (ages
    20..79 of persons keyed 1..120)? :func:`first_keys` from anywhere in the keys: what an age, a year
    or a counter holds, and, in an export that declares its references, no evidence of one it left
    undeclared (a sample of a parent's keys leaves gaps)."""
    if fit.low is None or fit.high is None:
        return False
    return fit.high - fit.low + 1 == fit.found


def spread_keys(key: ColumnProfile) -> bool:
    """Do integer values fill under half of the integers from their lowest to their highest? Then they
    are no run numbered as rows are (a position, a rank, a counter, which any small numbers fit), but
    numbers drawn from a range larger than their count: an integer column so, declared unique beside
    the table's key, may be referred to (:func:`.parent_keys.keys_referable`; since 2026-12-05)."""
    if not (isinstance(key.min, int) and isinstance(key.max, int)):
        return False
    return 2 * key.distinct_count < key.max - key.min + 1


def runs_past_keys(child: ColumnProfile, key: ColumnProfile) -> bool:
    """Do a child column's integers run on, every number from its lowest to its highest, from above
    the parent's lowest key to past its highest (ISO weeks 9..22 beside keys 1..21)? Keys are numbered
    upwards: numbers above the highest are no rows yet, and a window of consecutive numbers sliding
    over the keys is a counter that overlaps them, not a sample of them (the module's rule 3). A run
    from the lowest key on (comments of tickets 1..360, tickets 1..340 kept) is a reference with
    orphans."""
    low, high, first, top = child.min, child.max, key.min, key.max
    if not (
        isinstance(low, int) and isinstance(high, int) and isinstance(first, int) and isinstance(top, int)
    ):
        return False
    return low > first and high > top and child.distinct_count == high - low + 1


#: The length from which a token of letters and digits (with ``-``, ``_`` or braces) holding a digit is
#: a generated identifier: a UUID's 32 hex digits (36 written out), an MD5's 32, a ULID's 26, a nanoid's
#: 21; a bytes value, a UUID's 16. No default name, version or locale is so long and so spelled.
DRAWN_IDENTIFIER_LENGTH = 16

#: A generated identifier's spelling: letters, digits, ``-`` and ``_`` (a GUID in braces too); since
#: 2026-12-07 also ``!`` (a Microsoft account's item id, the account's 16 hex digits ``!`` a counter:
#: OneDrive's ``D4A4E7C2B8F0A1B2!101``) and base64's ``+`` and ``/`` with its ``=`` padding (an Exchange or
#: sync server's id, ``AQMkADAwATM0MDAAMS1i…AAA=``), though not first: a path starting with ``/`` (a D-Bus
#: object path, ``/org/freedesktop/ConsoleKit/Session1``) is a name with a counter. Not ``.``: a long
#: version (``26.168.0830.0006``) is one value two columns share by chance.
_DRAWN_TEXT = re.compile(r"[{]?[A-Za-z0-9_!-][A-Za-z0-9_!+/-]*={0,2}[}]?")

#: The last words of a column's name saying a name (a row's, a queue's): a column so named beside a key
#: named alike is no natural join on one value (a project's ``name`` and its stack's ``name``, both
#: ``default``).
OWN_NAME_WORDS = frozenset({"name", "title", "label", "displayname"})


def drawn_identifier(column: ColumnProfile) -> bool:
    """Is ``column``'s one value a generated identifier (a GUID, a hash, a random token: at least
    :data:`DRAWN_IDENTIFIER_LENGTH` characters of letters and digits, a digit among them, or as many
    bytes)? One such value shared by two columns is a link, drawn from a space too large for chance;
    one word (``default``, ``main``), a version (``0.98.0``) or a locale is a coincidence
    (:func:`.reference_circles.turned_away`, since 2026-12-06)."""
    if column.inferred_type == "bytea":
        present = column.row_count - column.null_count
        return present > 0 and column.bytes >= DRAWN_IDENTIFIER_LENGTH * present
    # The one key among the values is the highest: a '' or the nil UUID beside it (a blank, a GUID's
    # "none") is below it.
    return drawn_text(column.max)


def drawn_text(value: object) -> bool:
    """Is ``value`` text spelled as a generated identifier (:func:`drawn_identifier`)?"""
    return (
        isinstance(value, str)
        and len(value) >= DRAWN_IDENTIFIER_LENGTH
        and _DRAWN_TEXT.fullmatch(value) is not None
        and any(char.isdigit() for char in value)
    )


#: The chance at or under which values distinct on every row are taken for no coincidence
#: (:func:`unique_by_chance`).
KEY_CHANCE = 0.01
#: How many values an attribute of a small table may take and still be distinct on its every row by
#: chance: a palette's colours, a position in a short buffer, a three-digit code, an alias among a few
#: hundred words (:func:`unique_by_chance`).
ATTRIBUTE_VALUES = 1000


def chance_all_distinct(rows: int, values: int) -> float:
    """The chance that ``rows`` values drawn alike from ``values`` equally likely ones are all distinct
    (the birthday problem): the product of ``1 - i / values`` for ``i`` below ``rows``."""
    return math.prod(max(0.0, 1 - i / values) for i in range(rows))


#: The fewest rows in which a column distinct on every row is evidence of a key by that alone: the
#: first count at which an attribute of :data:`ATTRIBUTE_VALUES` values is distinct on every row with
#: a chance of :data:`KEY_CHANCE` at most (95 rows).
FEW_ROWS = next(
    n for n in range(1, ATTRIBUTE_VALUES + 2) if chance_all_distinct(n, ATTRIBUTE_VALUES) <= KEY_CHANCE
)


def unique_by_chance(column: ColumnProfile, rows: int) -> bool:
    """May ``column``, distinct on each of ``rows`` rows, be so by chance rather than as a key? In a
    table of fewer than :data:`FEW_ROWS` rows, yes (in one row, always), unless its values say they
    name rows: generated identifiers (its lowest and highest text a UUID's, a hash's or a random
    token's, or its bytes as long as one's: :func:`drawn_identifier`), or integers running without a
    gap from the lowest to the highest, a counter numbering rows (a migration's versions 1..13), over
    enough rows that values drawn from as few numbers would be all distinct with a chance of
    :data:`KEY_CHANCE` at most (7 rows). A colour, a position in a buffer, a microsecond or an alias
    distinct on 3 or 40 rows names none of them (Traggo's tag colours, org-roam's link positions,
    Kismet's ``ts_usec`` were PRIMARY KEYs until 2026-12-06): a name that says nothing of identity
    (:func:`.data_keys.names_identity`) needs this evidence."""
    if rows >= FEW_ROWS:
        return False
    if rows < 2:
        return True  # one value is distinct whatever it is
    if column.inferred_type == "bytea":
        return not drawn_identifier(column)
    if column.inferred_type == "text":
        return not (drawn_text(column.min) and drawn_text(column.max))
    low, high = column.min, column.max
    counter = isinstance(low, int) and isinstance(high, int) and high - low + 1 == rows
    return not (counter and chance_all_distinct(rows, rows) <= KEY_CHANCE)
