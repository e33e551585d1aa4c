"""The users' own views on the views a cutover must drop: saved, dropped and recreated in its transaction.

A view of the stable schema whose columns change (a type, a numeric's size, a column removed) cannot be
replaced in place: it is dropped and created again, and PostgreSQL refuses to drop a view another
view reads. A dashboard team's view on ``servicedesk.tickets`` (or a view on that one, or a
materialized view) is therefore saved first, as ``pg_dump`` would write it, then dropped, and created
again once the stable schema's views read the new version, all in the cutover's (or rollback's) one
transaction: what the team sees after the commit is their view as it was, reading the new version.

Found as PostgreSQL records them: a view's query is its ``_RETURN`` rule, which depends (``pg_depend``)
on every relation the query reads; walking those rules from the dropped views gives the views on
them, the views on those, and so on, each created after every view it reads (its longest path from
ours, like the ``deps_save_and_drop_dependencies`` scripts that circulate for the same job).

Saved per view: the definition (``pg_get_viewdef``, written with every name qualified), its options
(``security_barrier``, ``security_invoker``, ``check_option``; a materialized view's storage options
and tablespace), its owner, its grants and its columns' grants, its comment and its columns'; of a
materialized view also its indexes (with their tablespace, comment and clustering) and whether it held
data (``REFRESH`` after creating it ``WITH NO DATA``, as ``pg_dump`` does: the refresh runs as its
owner). Anything else that depends on a dropped view (a rule, a trigger, a function whose body is SQL
text, a column of its row type, a policy, statistics) would be lost or stop the drop: the cutover is
refused before anything changes, naming it, as is a view of a role the loader may not act as, or a
temporary view of another session.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from columnar_etl.errors import LoadError
from columnar_etl.loading.statements import execute, fetch_all, pg_error_text
from columnar_etl.pg.identifiers import quote_ident, quote_literal

#: Every view and materialized view reading one of the relations in ``{roots}`` (an ``oid[]``),
#: directly or through others: (view, a relation it reads among them, its distance from the roots).
_WALK = """WITH RECURSIVE walk(oid, reads, depth) AS (
  SELECT root, NULL::oid, 0 FROM unnest({roots}) AS root
  UNION
  SELECT r.ev_class, w.oid, w.depth + 1 FROM walk w
  JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
    AND d.refobjid = w.oid AND d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
  JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid AND r.rulename = '_RETURN' AND r.ev_class <> w.oid
)
SELECT w.oid::bigint, w.reads::bigint, w.depth FROM walk w WHERE w.depth > 0"""

#: What each of the views in ``{views}`` (an ``oid[]``) is, and whether the loader may drop it and
#: create it again under its owner: act as that role (its rights to drop, ``SET ROLE`` to give it back),
#: create in its schema, and the owner too (``ALTER … OWNER TO`` asks it).
_WHO = """SELECT c.oid::bigint, pg_catalog.format('%I.%I', n.nspname, c.relname), c.relkind::text,
  c.relpersistence = 't', pg_catalog.pg_get_userbyid(c.relowner),
  pg_catalog.pg_has_role(c.relowner, 'USAGE')
  AND CASE WHEN pg_catalog.current_setting('server_version_num')::int >= 160000
    THEN pg_catalog.pg_has_role(c.relowner, 'SET') ELSE pg_catalog.pg_has_role(c.relowner, 'MEMBER') END
  AND pg_catalog.has_schema_privilege(n.oid, 'USAGE, CREATE')
  AND pg_catalog.has_schema_privilege(c.relowner, n.oid, 'CREATE')
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY({views})"""

#: Whatever else depends on one of the relations in ``{relations}`` (an ``oid[]``) or on its row type:
#: not its own parts (``i``), not a view's query (walked), not a materialized view's index (saved).
_OTHERS = """SELECT DISTINCT pg_catalog.format('%I.%I', n.nspname, c.relname),
  pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_depend d
  ON (d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = c.oid)
  OR (d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.refobjid = c.reltype)
WHERE c.oid = ANY({relations}) AND d.deptype <> 'i'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
    WHERE d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
    AND r.rulename = '_RETURN' AND v.relkind IN ('v', 'm'))
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_index i
    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND i.indexrelid = d.objid
    AND i.indrelid = c.oid AND c.relkind = 'm')
ORDER BY 1, 2"""

#: One view's definition and settings (``{oid}``), read with the search path empty.
_DEFINITION = """SELECT pg_catalog.pg_get_viewdef(c.oid), c.reloptions, t.spcname, c.relispopulated,
  pg_catalog.obj_description(c.oid, 'pg_class'), c.relowner::pg_catalog.regrole::text
FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = c.reltablespace
WHERE c.oid = {oid}"""

_COLUMN_COMMENTS = """SELECT a.attname, pg_catalog.col_description(a.attrelid, a.attnum)
FROM pg_catalog.pg_attribute a WHERE a.attrelid = {oid} AND a.attnum > 0 AND NOT a.attisdropped
  AND pg_catalog.col_description(a.attrelid, a.attnum) IS NOT NULL ORDER BY a.attnum"""

_INDEXES = """SELECT pg_catalog.pg_get_indexdef(i.indexrelid),
  pg_catalog.format('%I.%I', n.nspname, x.relname),
  pg_catalog.quote_ident(x.relname), t.spcname, pg_catalog.obj_description(i.indexrelid, 'pg_class'),
  i.indisclustered
FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class x ON x.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = x.relnamespace
LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = x.reltablespace
WHERE i.indrelid = {oid} ORDER BY x.relname"""

#: The grants on a relation (``{relation}``, an ``oid`` expression) and on its columns, but the owner's
#: own: (privilege, column or NULL, grantee or PUBLIC, grantable).
_GRANTS = """SELECT acl.privilege_type, NULL::name, CASE WHEN acl.grantee = 0 THEN 'PUBLIC'
  ELSE acl.grantee::pg_catalog.regrole::text END, acl.is_grantable
FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) acl
WHERE c.oid = {relation} AND acl.grantee <> c.relowner
UNION ALL
SELECT acl.privilege_type, a.attname, CASE WHEN acl.grantee = 0 THEN 'PUBLIC'
  ELSE acl.grantee::pg_catalog.regrole::text END, acl.is_grantable
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
  AND NOT a.attisdropped, pg_catalog.aclexplode(a.attacl) acl
WHERE c.oid = {relation} AND acl.grantee <> c.relowner"""

_KEYWORDS = {"v": "VIEW", "m": "MATERIALIZED VIEW"}


def grant_statements(cursor: Any, relation: str) -> list[str]:
    """``GRANT`` statements (with a ``{view}`` placeholder) that give back the privileges on
    ``relation`` (an ``oid`` expression, such as a ``regclass`` literal) and on its columns that others
    than its owner hold. Made by a member of the owner's role, a grant is recorded as the owner's."""
    return [
        f"GRANT {privilege}{f' ({quote_ident(column)})' if column else ''} ON {{view}} TO {grantee}"
        f"{' WITH GRANT OPTION' if grantable else ''}"
        for privilege, column, grantee, grantable in fetch_all(cursor, _GRANTS.format(relation=relation))
    ]


@dataclass
class Dependent:
    """A view (or materialized view) of the users' that reads a view a cutover drops, and what it takes
    to create it again as it was."""

    oid: int
    name: str  # qualified and quoted as needed: public.dash
    kind: str  # pg_class.relkind: "v" or "m"
    depth: int  # its longest path from a dropped view: views are created in this order
    reads: set[int] = field(default_factory=set)  # the relations its query reads, among the walked
    statements: list[str] = field(default_factory=list)


@dataclass
class Dependents:
    """The users' views on the views of ``roots`` (oid → qualified name), in creation order."""

    roots: dict[int, str]
    views: list[Dependent]

    def names(self) -> list[str]:
        """Their qualified names, in creation order (the order to lock them in is immaterial)."""
        return [view.name for view in self.views]

    def on(self, root: str) -> list[str]:
        """The names of those that read ``root`` (a name of :attr:`roots`), directly or through others."""
        oid = next(key for key, name in self.roots.items() if name == root)
        return [view.name for view in self.views if oid in self.read_by(view)]

    def read_by(self, view: Dependent) -> set[int]:
        """The oids of the relations ``view`` reads, directly or through others, among the walked."""
        by_oid = {each.oid: each for each in self.views}
        seen: set[int] = set()
        todo = set(view.reads)
        while todo:
            oid = todo.pop()
            if oid not in seen:
                seen.add(oid)
                todo |= by_oid[oid].reads if oid in by_oid else set()
        return seen

    def reading(self, view: Dependent) -> list[str]:
        """The names of the views that read ``view``, directly or through others."""
        return [each.name for each in self.views if view.oid in self.read_by(each)]


def find_dependents(cursor: Any, roots: Mapping[str, str]) -> Dependents:
    """The users' views that read the views named in ``roots`` (qualified names: what changes in each),
    directly or through one another, in the order to create them again; :class:`LoadError` (nothing
    changed yet) when one of them, or something else depending on the roots or on them, cannot be
    dropped and made again."""
    if not roots:
        return Dependents({}, [])
    literals = ", ".join(f"{quote_literal(name)}::pg_catalog.regclass::oid" for name in roots)
    found = fetch_all(cursor, f"SELECT {literals}")[0]
    named = {int(oid): name for oid, name in zip(found, roots, strict=True)}
    walked: dict[int, Dependent] = {}
    for oid, reads, depth in fetch_all(cursor, _WALK.format(roots=f"ARRAY[{literals}]")):
        view = walked.setdefault(int(oid), Dependent(int(oid), "", "", 0))
        view.depth = max(view.depth, int(depth))
        view.reads.add(int(reads))
    views = sorted(walked.values(), key=lambda view: (view.depth, view.oid))
    refused: list[str] = []
    if views:
        array = f"ARRAY[{', '.join(str(view.oid) for view in views)}]::oid[]"
        for oid, name, kind, temporary, owner, may in fetch_all(cursor, _WHO.format(views=array)):
            view = walked[int(oid)]
            view.name, view.kind = str(name), str(kind)
            if temporary:
                refused.append(f"{name} (a temporary view of another session)")
            elif not may:
                refused.append(f"{name} (owned by role {owner}, which this role may not drop and recreate)")
    everything = f"ARRAY[{', '.join(str(oid) for oid in [*named, *walked])}]::oid[]"
    refused += [
        f"{what} (on {name})" for name, what in fetch_all(cursor, _OTHERS.format(relations=everything))
    ]
    if refused:
        changes = "; ".join(f"{name} ({what})" for name, what in roots.items())
        raise LoadError(
            f"{'views' if len(roots) > 1 else 'view'} {changes} must be recreated but {'; '.join(refused)} "
            f"cannot be dropped and made again with {'them' if len(roots) > 1 else 'it'}: nothing was "
            "committed, the live version is unchanged",
            hint="drop or change what is named, cut over again, then recreate it",
        )
    return Dependents(named, views)


def save_dependents(cursor: Any, dependents: Dependents) -> None:
    """Fill each view's :attr:`Dependent.statements`: what creates it again as it is now. Call with the
    views locked (so they cannot change until the commit)."""
    with _qualified_names(cursor):
        for view in dependents.views:
            view.statements = _statements(cursor, view)


def drop_dependents(cursor: Any, dependents: Dependents) -> None:
    """Drop the saved views, each after those that read it (``RESTRICT``: anything missed stops it)."""
    for view in reversed(dependents.views):
        execute(cursor, f"DROP {_KEYWORDS[view.kind]} {view.name}")


def recreate_dependents(
    cursor: Any, dependents: Dependents, changed: Mapping[str, str], *, version: str
) -> None:
    """Create the saved views again, each after those it reads. One that no longer compiles on the views
    of ``version`` (``changed``: what changed in each root, by name) raises :class:`LoadError` naming it,
    the views it reads and PostgreSQL's reason (a column that does not exist); the caller's transaction
    then ends, nothing committed."""
    with _qualified_names(cursor):
        for view in dependents.views:
            for statement in view.statements:
                try:
                    execute(cursor, statement)
                except LoadError as exc:
                    _refuse(dependents, view, changed, version, exc)


def _refuse(
    dependents: Dependents, view: Dependent, changed: Mapping[str, str], version: str, exc: LoadError
) -> None:
    reason = pg_error_text(exc.__cause__) if exc.__cause__ is not None else str(exc)
    reads = [name for oid, name in dependents.roots.items() if oid in dependents.read_by(view)]
    what = "; ".join(f"{name}: {changed.get(name, 'recreated')}" for name in reads)
    also = dependents.reading(view)
    drop = " and ".join([view.name, *also]) if len(also) < 2 else f"{view.name}, {', '.join(also)}"
    raise LoadError(
        f"your {'materialized view' if view.kind == 'm' else 'view'} {view.name} cannot be recreated on "
        f"{version} ({what}): {reason}: nothing was committed, the live version is unchanged",
        hint=f"drop {drop}, cut over again, then recreate {'it' if not also else 'them'}",
    ) from exc.__cause__


def _statements(cursor: Any, view: Dependent) -> list[str]:
    keyword = _KEYWORDS[view.kind]
    ((definition, options, tablespace, populated, comment, owner),) = fetch_all(
        cursor, _DEFINITION.format(oid=view.oid)
    )
    query = str(definition).strip().rstrip(";")
    # check_option, security_barrier, security_invoker of a view; a materialized view's storage options.
    settings = [str(option).split("=", 1) for option in options or []]
    with_ = (
        f" WITH ({', '.join(f'{key} = {quote_literal(value)}' for key, value in settings)})"
        if settings
        else ""
    )
    if view.kind == "m":
        space = f" TABLESPACE {quote_ident(tablespace)}" if tablespace else ""
        statements = [f"CREATE MATERIALIZED VIEW {view.name}{with_}{space} AS {query} WITH NO DATA"]
        for index, name, bare, index_space, index_comment, clustered in fetch_all(
            cursor, _INDEXES.format(oid=view.oid)
        ):
            statements.append(str(index))
            if index_space:
                statements.append(f"ALTER INDEX {name} SET TABLESPACE {quote_ident(index_space)}")
            if index_comment is not None:
                statements.append(f"COMMENT ON INDEX {name} IS {quote_literal(index_comment)}")
            if clustered:
                statements.append(f"ALTER MATERIALIZED VIEW {view.name} CLUSTER ON {bare}")
    else:
        statements = [f"CREATE VIEW {view.name}{with_} AS {query}"]
    statements.append(f"ALTER {keyword} {view.name} OWNER TO {owner}")
    if comment is not None:
        statements.append(f"COMMENT ON {keyword} {view.name} IS {quote_literal(comment)}")
    for column, column_comment in fetch_all(cursor, _COLUMN_COMMENTS.format(oid=view.oid)):
        statements.append(
            f"COMMENT ON COLUMN {view.name}.{quote_ident(column)} IS {quote_literal(column_comment)}"
        )
    statements += [grant.format(view=view.name) for grant in grant_statements(cursor, str(view.oid))]
    if view.kind == "m" and populated:
        statements.append(f"REFRESH MATERIALIZED VIEW {view.name}")
    return statements


@contextmanager
def _qualified_names(cursor: Any) -> Iterator[None]:
    """An empty ``search_path`` for the block, as ``pg_dump`` sets it: definitions are written with every
    name qualified and created again as written, whatever the connection's path. The caller's path
    comes back afterwards; after an error the transaction is aborted, and its setting ends with it."""
    ((previous,),) = fetch_all(cursor, "SELECT pg_catalog.current_setting('search_path')")
    fetch_all(cursor, "SELECT pg_catalog.set_config('search_path', '', true)")
    yield
    fetch_all(cursor, f"SELECT pg_catalog.set_config('search_path', {quote_literal(str(previous))}, true)")
