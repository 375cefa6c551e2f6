"""Fixtures: a fresh database on each engine, reference data, and one user per role.

Store and service tests run on SQLite and on the real PostgreSQL server. Set
HOTLINE_TEST_POSTGRESQL / HOTLINE_TEST_MYSQL to point elsewhere. Without a
server the tests that need it are skipped, except under CI=true, where a
missing server fails the run.
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from datetime import datetime

import peewee
import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hotline_desktop.domain.vocabulary import Role  # noqa: E402
from hotline_desktop.services import accounts  # noqa: E402
from hotline_desktop.services.environment import Environment, open_environment  # noqa: E402
from hotline_desktop.services.reference import install_reference_data  # noqa: E402

POSTGRESQL_SERVER = os.environ.get(
    "HOTLINE_TEST_POSTGRESQL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
MYSQL_SERVER = os.environ.get("HOTLINE_TEST_MYSQL", "mysql://root@127.0.0.1:3306/mysql")
IN_CI = os.environ.get("CI", "").lower() == "true"


def _server_or_skip(engine: str, error: Exception):
    message = f"{engine} server not reachable: {error}"
    if IN_CI:
        pytest.fail(f"{message} (CI=true: the servers are required)")
    pytest.skip(message)


def _admin_connection(url: str):
    from hotline_desktop.store.database import open_database

    db, _info = open_database(url)
    return db


@pytest.fixture(scope="session")
def postgresql_database():
    """A fresh UTF-8 PostgreSQL database for this test run, dropped at the end."""
    name = f"hotline_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = _admin_connection(POSTGRESQL_SERVER)
    except Exception as error:  # noqa: BLE001 - any failure to reach the server
        _server_or_skip("PostgreSQL", error)
    admin.execute_sql(
        f"CREATE DATABASE {name} ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' "
        "LC_COLLATE 'C.UTF-8' TEMPLATE template0"
    )
    admin.close()
    base = POSTGRESQL_SERVER.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    admin = _admin_connection(POSTGRESQL_SERVER)
    admin.execute_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()


@pytest.fixture(scope="session")
def mysql_database():
    name = f"hotline_test_{uuid.uuid4().hex[:10]}"
    try:
        admin = _admin_connection(MYSQL_SERVER)
    except Exception as error:  # noqa: BLE001
        _server_or_skip("MariaDB/MySQL", error)
    admin.execute_sql(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    admin.close()
    base = MYSQL_SERVER.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    admin = _admin_connection(MYSQL_SERVER)
    admin.execute_sql(f"DROP DATABASE IF EXISTS {name}")
    admin.close()


@pytest.fixture(autouse=True)
def no_error_logged(request, caplog):
    """An ERROR logged is a bug met (the one failure path logs them), as a Qt warning is
    (pyproject's qt_log_level_fail): the test fails, unless it is about such a bug."""
    yield
    if request.node.get_closest_marker("logs_errors"):
        return
    errors = [
        f"{record.name}: {record.getMessage()}"
        for when in ("setup", "call")
        for record in caplog.get_records(when)
        if record.levelno >= logging.ERROR
    ]
    if errors:
        pytest.fail("an ERROR was logged:\n" + "\n".join(errors), pytrace=False)


class Clock:
    """A clock the test moves by hand, so that time limits are checked exactly."""

    def __init__(self, start: datetime):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment


def _empty_server(db: peewee.Database) -> None:
    """A server database is shared by the run's tests: each starts from empty tables."""
    tables = [t for t in db.get_tables() if t != "schema_info"]
    if isinstance(db, peewee.PostgresqlDatabase):
        names = ", ".join(f'"{t}"' for t in tables)
        db.execute_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        return
    db.execute_sql("SET FOREIGN_KEY_CHECKS = 0")
    for table in tables:
        db.execute_sql(f"TRUNCATE TABLE `{table}`")
    db.execute_sql("SET FOREIGN_KEY_CHECKS = 1")


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request) -> str:
    return request.param


@pytest.fixture
def database_url(engine, tmp_path, request) -> str:
    """SQLite and PostgreSQL for every store and service test; MariaDB where a test asks."""
    if engine == "sqlite":
        return f"sqlite:///{tmp_path / 'hotline.db'}"
    return request.getfixturevalue(f"{engine}_database")


@pytest.fixture
def clock() -> Clock:
    # A Tuesday before National Day 2026, so that the tests cross the holiday.
    return Clock(datetime(2026, 9, 29, 9, 0))


@pytest.fixture
def env(database_url, tmp_path, clock, monkeypatch) -> Environment:
    # Real argon2 costs are for attackers, not for a test suite creating dozens of users.
    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    environment, _done = open_environment(database_url, tmp_path / "backups", clock=clock)
    if environment.info.engine != "sqlite":
        _empty_server(environment.db)
    install_reference_data(environment)
    yield environment
    environment.close()


@dataclass
class Staff:
    """One signed-in actor per role, at the units the tests dispatch to."""

    agent: object
    dispatcher: object
    supervisor: object
    xian: object  # unit handler, 西安市总工会
    yanta: object  # unit handler, 雁塔区总工会 (under Xi'an)
    baoji: object  # unit handler, 宝鸡市总工会
    hrss: object  # unit handler at a "+" partner body (co-handling)
    office: object
    mediator: object
    provincial_leader: object
    xian_leader: object
    admin: object


@pytest.fixture
def staff(env) -> Staff:
    def make(name, role, unit, main_leader=False):
        return accounts.create_user(
            env, name, "secret-pass", role, unit, name, is_main_leader=main_leader
        )

    return Staff(
        agent=make("agent", Role.AGENT, "sx-centre"),
        dispatcher=make("dispatcher", Role.DISPATCHER, "sx-centre"),
        supervisor=make("supervisor", Role.SUPERVISOR, "sx-centre"),
        xian=make("xian", Role.UNIT_HANDLER, "xa"),
        yanta=make("yanta", Role.UNIT_HANDLER, "xa-yanta"),
        baoji=make("baoji", Role.UNIT_HANDLER, "baoji"),
        hrss=make("hrss", Role.UNIT_HANDLER, "sx-hrss"),
        office=make("office", Role.UNIT_HANDLER, "sx-office"),
        mediator=make("mediator", Role.UNIT_HANDLER, "sx-mediation"),
        provincial_leader=make("sx-leader", Role.LEADER, "sx", True),
        xian_leader=make("xa-leader", Role.LEADER, "xa", True),
        admin=make("admin", Role.ADMIN, "sx-centre"),
    )
