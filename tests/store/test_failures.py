"""The drivers' errors a user can act on become the project's own, from real failures."""

from __future__ import annotations

import errno

import peewee
import pytest

from hotline_desktop.domain.errors import (
    DatabaseUnavailable,
    DiskFull,
    ReadOnlyStorage,
)
from hotline_desktop.store.failures import known_error
from hotline_desktop.store.models import Caller

SQLITE = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)


def raised(work) -> BaseException:
    try:
        work()
    except Exception as error:  # noqa: BLE001 - the test looks at whatever it was
        return error
    raise AssertionError("nothing was raised")


def add_callers(env, count: int) -> None:
    with env.write():
        for number in range(count):
            Caller.create(
                phone=f"1380000{number:04d}",
                name="张" * 40,
                first_call_at=env.now(),
                last_call_at=env.now(),
            )


@SQLITE
def test_a_full_disk_is_said_even_when_the_rollback_fails_too(env):
    env.db.execute_sql("PRAGMA max_page_count = " + str(env.db.execute_sql(
        "PRAGMA page_count").fetchone()[0]))  # fmt: skip
    error = raised(lambda: add_callers(env, 500))
    assert "cannot rollback" in str(error)  # what peewee raises hides the cause
    known = known_error(error)
    assert isinstance(known, DiskFull)
    assert known.detail == "database or disk is full"


@SQLITE
def test_a_read_only_database_is_said(env):
    env.db.execute_sql("PRAGMA query_only = 1")
    known = known_error(raised(lambda: add_callers(env, 1)))
    assert isinstance(known, ReadOnlyStorage)
    assert "readonly" in known.detail


@SQLITE
def test_a_database_kept_locked_by_another_workstation_is_said(env, database_url):
    other = peewee.SqliteDatabase(database_url.removeprefix("sqlite:///"), timeout=0)
    other.connect()
    other.execute_sql("BEGIN IMMEDIATE")
    try:
        env.db.execute_sql("PRAGMA busy_timeout = 0")
        known = known_error(raised(lambda: add_callers(env, 1)))
    finally:
        other.execute_sql("ROLLBACK")
        other.close()
    assert isinstance(known, DatabaseUnavailable)
    assert "busy" in str(known) and "locked" in known.detail


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_read_only_server_transaction_is_said(env):
    env.db.execute_sql("SET default_transaction_read_only = on")
    try:
        known = known_error(raised(lambda: add_callers(env, 1)))
    finally:
        env.db.execute_sql("SET default_transaction_read_only = off")
    assert isinstance(known, ReadOnlyStorage)
    assert "read-only transaction" in known.detail


@pytest.mark.parametrize(
    "database",
    [
        peewee.PostgresqlDatabase(
            "hotline", host="127.0.0.1", port=1, user="postgres", prefer_psycopg3=True
        ),
        peewee.MySQLDatabase("hotline", host="127.0.0.1", port=1, user="root"),
    ],
    ids=["postgresql", "mysql"],
)
def test_a_server_that_does_not_answer_is_said(database):
    known = known_error(raised(database.connect))
    assert isinstance(known, DatabaseUnavailable)
    assert str(known) == "the database cannot be reached"
    assert "refused" in known.detail.lower()


def test_a_full_disk_under_a_file_the_app_writes_is_said():
    known = known_error(OSError(errno.ENOSPC, "No space left on device"))
    assert isinstance(known, DiskFull) and str(known) == "the disk is full"


def test_a_bug_stays_a_bug():
    error = KeyError("category")
    assert known_error(error) is error
    wrong_sql = raised(lambda: peewee.SqliteDatabase(":memory:").execute_sql("SELEC 1"))
    assert known_error(wrong_sql) is wrong_sql  # a syntax error is the program's fault
