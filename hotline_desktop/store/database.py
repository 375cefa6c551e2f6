"""Opening the database named by a URL: the embedded SQLite file or a shared server."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import peewee

from ..domain.errors import DatabaseUnavailable
from .failures import first_line

log = logging.getLogger(__name__)

SUPPORTED_SCHEMES = ("sqlite", "postgresql", "mysql")


@dataclass(frozen=True)
class DatabaseInfo:
    url: str
    engine: str  # "sqlite", "postgresql" or "mysql"
    description: str  # what the status bar shows: a file path or user@host:port/name
    warnings: tuple[str, ...] = ()


def describe_url(url: str) -> DatabaseInfo:
    """Check a URL's shape without connecting."""
    try:
        parts = urlsplit(url)
        port = parts.port  # reading it checks it
    except ValueError as error:
        raise DatabaseUnavailable(f"the database URL “{url}” is malformed: {error}") from None
    scheme = parts.scheme.split("+")[0]
    if scheme == "postgres":
        scheme = "postgresql"
    if scheme not in SUPPORTED_SCHEMES:
        raise DatabaseUnavailable(
            f"unsupported database URL “{url}”: use sqlite:///path/to/file.db, "
            "postgresql://user@host:5432/name or mysql://user@host:3306/name"
        )
    if scheme == "sqlite":
        path = unquote(url.split("://", 1)[1])[1:] if "://" in url else ""
        if not path:
            raise DatabaseUnavailable(f"the SQLite URL “{url}” names no file")
        return DatabaseInfo(url, scheme, str(Path(path)))
    if not parts.hostname or not parts.path.strip("/"):
        raise DatabaseUnavailable(f"the database URL “{url}” needs a host and a database name")
    user = f"{unquote(parts.username)}@" if parts.username else ""
    shown_port = f":{port}" if port else ""
    name = parts.path.strip("/")
    return DatabaseInfo(url, scheme, f"{user}{parts.hostname}{shown_port}/{name}")


def open_database(url: str, *, create: bool = True) -> tuple[peewee.Database, DatabaseInfo]:
    """Open the database at ``url``; fails with one clear line.

    Without ``create`` a SQLite file must exist already: a mistyped path is an error,
    not a new empty database."""
    info = describe_url(url)
    if info.engine == "sqlite":
        path = Path(info.description)
        if not create and not path.exists():
            raise DatabaseUnavailable(
                f"there is no database at {path}: check the path, or create one with "
                "“hotline-desktop init”"
            )
        db = _sqlite(path)
    else:
        db = _server(info)
    try:
        db.connect(reuse_if_open=True)
    except peewee.OperationalError as error:
        raise DatabaseUnavailable(
            f"cannot reach the database {info.description}: {first_line(error)}"
        ) from None
    except peewee.DatabaseError as error:
        raise DatabaseUnavailable(
            f"cannot open the database {info.description}: {first_line(error)}"
        ) from None
    if info.engine == "postgresql":
        info = _check_postgresql_encoding(db, info)
    elif info.engine == "mysql":
        _check_mysql_charset(db, info)
    return db, info


def _sqlite(path: Path) -> peewee.SqliteDatabase:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseUnavailable(
            f"cannot create the folder for {path}: {error.strerror}"
        ) from None
    return peewee.SqliteDatabase(
        str(path),
        pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "synchronous": "normal",
            # Another workstation's process may hold the write lock for a moment.
            "busy_timeout": 10_000,
            "cache_size": -64_000,
        },
    )


def _server(info: DatabaseInfo) -> peewee.Database:
    parts = urlsplit(info.url)
    params = {
        "host": parts.hostname,
        "user": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
    }
    if parts.port:
        params["port"] = parts.port
    params = {key: value for key, value in params.items() if value is not None}
    name = parts.path.strip("/")
    if info.engine == "postgresql":
        return peewee.PostgresqlDatabase(
            name,
            prefer_psycopg3=True,
            connect_timeout=5,
            # A generic plan reused after five executions ignores the search term's
            # selectivity (seen: 236 ms instead of 2 ms), so never prepare.
            prepare_threshold=None,
            application_name="hotline_desktop",
            **params,
        )
    return peewee.MySQLDatabase(
        name,
        connect_timeout=5,
        # InnoDB's default REPEATABLE READ would hide a row another workstation has just
        # committed from the re-read after a duplicate-key error, and takes gap locks
        # that deadlock two workstations drawing the day's first ticket number.
        init_command="SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED",
        **params,
    )


def _check_postgresql_encoding(db: peewee.Database, info: DatabaseInfo) -> DatabaseInfo:
    encoding, ctype = db.execute_sql(
        "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database "
        "WHERE datname = current_database()"
    ).fetchone()
    if encoding.upper() not in ("UTF8", "UTF-8"):
        db.close()
        raise DatabaseUnavailable(
            f"the database {info.description} uses the {encoding} encoding; Chinese text "
            "needs UTF8: create it with ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' "
            "LC_COLLATE 'C.UTF-8' TEMPLATE template0"
        )
    if "utf" not in ctype.lower():
        warning = (
            f"the database {info.description} has the character type {ctype}: "
            "PostgreSQL's own text functions will not treat Chinese as letters; "
            "recreate it with LC_CTYPE 'C.UTF-8'"
        )
        log.warning(warning)
        return DatabaseInfo(info.url, info.engine, info.description, (*info.warnings, warning))
    return info


def _check_mysql_charset(db: peewee.Database, info: DatabaseInfo) -> None:
    (charset,) = db.execute_sql("SELECT @@character_set_database").fetchone()
    if charset != "utf8mb4":
        db.close()
        raise DatabaseUnavailable(
            f"the database {info.description} uses the {charset} character set; Chinese text "
            "needs utf8mb4: create it with CHARACTER SET utf8mb4"
        )
