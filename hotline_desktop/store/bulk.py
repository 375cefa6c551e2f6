"""Writing many rows at once, each engine its fastest way (COPY on PostgreSQL)."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import peewee

from .models import BaseModel

log = logging.getLogger(__name__)


def insert_rows(
    db: peewee.Database, model: type[BaseModel], columns: Sequence[str], rows: Iterable[tuple]
) -> None:
    """Insert rows whose values are already in database form (ids set, money in fen)."""
    table = model._meta.table_name
    if isinstance(db, peewee.PostgresqlDatabase):
        cursor = db.cursor()
        names = ", ".join(f'"{name}"' for name in columns)
        with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        return
    quote = "`" if isinstance(db, peewee.MySQLDatabase) else '"'
    names = ", ".join(f"{quote}{name}{quote}" for name in columns)
    marks = ", ".join([db.param] * len(columns))
    db.cursor().executemany(f"INSERT INTO {quote}{table}{quote} ({names}) VALUES ({marks})", rows)


def reset_id_sequences(db: peewee.Database, models: Iterable[type[BaseModel]]) -> None:
    """After inserting explicit ids, make PostgreSQL's serials continue past them."""
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    for model in models:
        table = model._meta.table_name
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT max(id) FROM "{table}"), 0) + 1, false)'
        )


@contextmanager
def indexes_deferred(db: peewee.Database, tables: Sequence[str]) -> Iterator[None]:
    """Drop the secondary indexes of ``tables`` for a large load and build them again after.

    Building an index once over sorted keys is many times faster than updating it
    for every inserted row; unique indexes stay, since they guard the data.
    """
    statements = _secondary_indexes(db, list(tables))
    for name, _sql in statements:
        db.execute_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        began = time.perf_counter()
        for _name, sql in statements:
            db.execute_sql(sql)
        # Fresh statistics, or the planner prices a million rows as a handful. SQLite
        # samples instead of reading every index whole: enough for its planner.
        if isinstance(db, peewee.SqliteDatabase):
            db.execute_sql("PRAGMA analysis_limit = 1000")
        db.execute_sql("ANALYZE")
        log.info("rebuilt %d indexes in %.1f s", len(statements), time.perf_counter() - began)


def _secondary_indexes(db: peewee.Database, tables: list[str]) -> list[tuple[str, str]]:
    marks = ", ".join([db.param] * len(tables))
    if isinstance(db, peewee.SqliteDatabase):
        rows = db.execute_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks})",
            tables,
        )
    elif isinstance(db, peewee.PostgresqlDatabase):
        rows = db.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i "
            "JOIN pg_class c ON c.relname = i.indexname "
            "JOIN pg_index x ON x.indexrelid = c.oid "
            f"WHERE i.schemaname = current_schema() AND i.tablename IN ({marks}) "
            "AND NOT x.indisunique AND NOT x.indisprimary",
            tables,
        )
    else:
        return []  # MySQL's DDL commits implicitly; its small installations load few rows
    return [(name, sql) for name, sql in rows]
