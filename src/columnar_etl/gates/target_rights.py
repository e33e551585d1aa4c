"""What the target's role may not do that a load and a cutover need, beyond CREATE on the database.

Each of these failed only after the export was backed up, profiled, cleaned and copied (exit 1, nothing
live changed); the preflight's ``target_create_schema`` check now names it first (exit 3).
"""

from __future__ import annotations

from columnar_etl.loading.base_views import our_views_sql
from columnar_etl.loading.schemas import UNWRITABLE_TABLESPACE_SQL, tablespace_refused
from columnar_etl.pg.identifiers import quote_ident, quote_literal


def write_access_sql(base: str) -> str:
    """The row :func:`target_write_problem` reads: the role, whether its transactions are read-only
    (``default_transaction_read_only`` or a standby), and of the base schema ``base`` (NULL while it
    does not exist) its owner, whether the role may create in it, and the views in it another role owns
    that read a version schema (views columnar_etl made, which a cutover replaces: only their owner may);
    then the tablespace its tables go to (``default_tablespace`` of the role or database) when it may not
    create there (the database's own needs no right)."""
    return (
        "SELECT current_user::text, current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery(), "
        f"(SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = {quote_literal(base)}), "
        "(SELECT has_schema_privilege(oid, 'USAGE') AND has_schema_privilege(oid, 'CREATE') "
        f"FROM pg_namespace WHERE nspname = {quote_literal(base)}), "
        "(SELECT string_agg(DISTINCT format('%s (%s)', v.relname, pg_get_userbyid(v.relowner)), ', ') "
        f"{our_views_sql(base)} "
        "AND NOT pg_has_role(v.relowner, 'USAGE')), "
        f"{UNWRITABLE_TABLESPACE_SQL}"
    )


def target_write_problem(
    base: str,
    user: str,
    read_only: bool,
    base_owner: str | None,
    base_usable: bool | None,
    foreign_views: str | None,
    tablespace: str | None = None,
) -> tuple[str, str] | None:
    """What stops ``user`` from loading and cutting over (message, hint), from :func:`write_access_sql`'s
    row of base schema ``base``: read-only transactions, a default tablespace it may not create in, a
    base schema it may not create in, or views in it another role owns. Each failed after the export was
    profiled, cleaned and copied (exit 1, nothing live changed)."""
    if read_only:
        return (
            f"{user}'s transactions are read-only (default_transaction_read_only, or a standby server)",
            f'ALTER ROLE "{user}" SET default_transaction_read_only = off, or point --target at the primary',
        )
    if tablespace is not None:
        return tablespace_refused(user, tablespace)
    if base_owner is not None and not base_usable:
        return (
            f"the base schema {base!r} belongs to role {base_owner!r}, and {user!r} may not create in it",
            f"as {base_owner!r} or a superuser, GRANT USAGE, CREATE ON SCHEMA {quote_ident(base)} TO "
            f"{quote_ident(user)}, or load into another base_schema",
        )
    if foreign_views:
        return (
            f"views of the base schema {base!r} that a cutover re-points belong to another role: "
            f"{foreign_views}",
            f"run as their owner, or as it ALTER VIEW ... OWNER TO {quote_ident(user)}",
        )
    return None
