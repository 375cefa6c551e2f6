"""The database drivers' errors that a user can act on, as the project's own errors.

A worker hands every error through ``known_error`` before a window sees it, so that no
window needs to know peewee, sqlite3, psycopg or PyMySQL: a server gone away, a disk
full or read-only becomes a ``HotlineError`` with the driver's words kept as its detail.
Anything else stays what it is, and the window treats it as a bug.

The driver's error that matters is often not the one raised: when SQLite fills the
disk in the middle of a transaction, the rollback that follows fails too ("cannot
rollback - no transaction is active") and hides the first. So the whole chain of
causes is read, the disk before the connection.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator

import psycopg
import pymysql

from ..domain.errors import (
    DatabaseUnavailable,
    DiskFull,
    HotlineError,
    ReadOnlyStorage,
)
from ..domain.phrases import QT_TRANSLATE_NOOP, said

_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 13, 14

# PostgreSQL's SQLSTATE classes and codes (Appendix A of its manual).
_PG_DISK_FULL = "53100"
_PG_READ_ONLY = "25006"
_PG_UNREACHABLE_CLASSES = ("08", "57P")  # connection exception; operator intervention
_PG_TOO_MANY_CONNECTIONS = "53300"

# MariaDB/MySQL error numbers: client-side connection errors, and the server's own.
_MYSQL_UNREACHABLE = {2002, 2003, 2005, 2006, 2013, 2055, 1040, 1053}
_MYSQL_DISK_FULL = {1021, 1114, 3}
_MYSQL_READ_ONLY = {1290, 1792, 1036}


def known_error(error: BaseException) -> BaseException:
    """``error`` as a ``HotlineError`` when it is one a user can act on; else itself."""
    if isinstance(error, HotlineError):
        return error
    causes = list(_causes(error))
    for matches, kind, sentence in _KNOWN:
        for cause in causes:
            if matches(cause):
                return kind(said(sentence), first_line(cause))
    return error


def _causes(error: BaseException) -> Iterator[BaseException]:
    """``error`` and what it was raised from or while handling, innermost last."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    if isinstance(error, sqlite3.Error):
        return _sqlite_code(error) == _SQLITE_FULL
    if isinstance(error, psycopg.Error):
        return error.sqlstate == _PG_DISK_FULL or "No space left on device" in str(error)
    return _mysql_code(error) in _MYSQL_DISK_FULL


def _is_read_only(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno in (errno.EROFS, errno.EACCES):
        return True
    if isinstance(error, sqlite3.Error):
        return _sqlite_code(error) in (_SQLITE_READONLY, _SQLITE_CANTOPEN)
    if isinstance(error, psycopg.Error):
        return error.sqlstate == _PG_READ_ONLY
    return _mysql_code(error) in _MYSQL_READ_ONLY


def _is_busy(error: BaseException) -> bool:
    if isinstance(error, sqlite3.Error):
        return _sqlite_code(error) in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return False


def _is_unreachable(error: BaseException) -> bool:
    if isinstance(error, ConnectionError | TimeoutError):
        return True
    if isinstance(error, sqlite3.Error):
        # An I/O error is a file on a share that went away, or a disk failing.
        return _sqlite_code(error) == _SQLITE_IOERR
    if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
        # No SQLSTATE: the client lost the server (refused, timed out, closed).
        state = error.sqlstate
        return (
            state is None
            or state.startswith(_PG_UNREACHABLE_CLASSES)
            or state == _PG_TOO_MANY_CONNECTIONS
        )
    if isinstance(error, pymysql.err.InterfaceError):
        return True  # PyMySQL's word for a connection it has already lost
    return _mysql_code(error) in _MYSQL_UNREACHABLE


def _sqlite_code(error: sqlite3.Error) -> int | None:
    """The primary result code (an extended code's low byte); None for an error made by
    hand rather than by SQLite."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if code is not None else None


def _mysql_code(error: BaseException) -> int | None:
    if isinstance(error, pymysql.err.MySQLError) and error.args and isinstance(error.args[0], int):
        return error.args[0]
    return None


# In order: a full disk first, since what it breaks next (a rollback, the connection)
# would otherwise be taken for the cause.
_KNOWN = (
    (_is_disk_full, DiskFull, QT_TRANSLATE_NOOP("Messages", "the disk is full")),
    (
        _is_read_only,
        ReadOnlyStorage,
        QT_TRANSLATE_NOOP("Messages", "the database or the disk is read-only"),
    ),
    (
        _is_busy,
        DatabaseUnavailable,
        QT_TRANSLATE_NOOP("Messages", "the database is kept busy by another workstation"),
    ),
    (
        _is_unreachable,
        DatabaseUnavailable,
        QT_TRANSLATE_NOOP("Messages", "the database cannot be reached"),
    ),
)


def first_line(error: BaseException) -> str:
    """What a message has room for: a driver's words may run to many lines."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
