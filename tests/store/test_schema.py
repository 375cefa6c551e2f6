"""Schema versions: stamped at creation, migrated step by step with a backup, never downgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hotline_desktop.services.environment import open_environment
from hotline_desktop.store.database import DatabaseUnavailable, describe_url, open_database
from hotline_desktop.store.models import ALL_MODELS, Payment, Ticket
from hotline_desktop.store.schema import SCHEMA_VERSION, SchemaTooNew, stored_version

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def schema_of(path: Path) -> dict[str, set[str]]:
    """Every table, index and the columns of each table: what a migration must reproduce."""
    with sqlite3.connect(path) as con:
        names = con.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        shape = {}
        for kind, name in names:
            if kind == "table":
                columns = con.execute(f'PRAGMA table_info("{name}")').fetchall()
                shape[name] = {f"{c[1]} {c[2]} notnull={c[3]} default={c[4]}" for c in columns}
            else:
                shape[name] = {kind}
        return shape


def test_a_new_database_is_stamped_with_the_current_version(env):
    assert stored_version(env.db) == SCHEMA_VERSION
    assert all(env.db.table_exists(model._meta.table_name) for model in ALL_MODELS)


def test_the_first_schema_migrates_to_the_current_one_after_a_backup(tmp_path):
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as con:
        con.executescript((FIXTURES / "schema_v1.sqlite.sql").read_text(encoding="utf-8"))
    env, done = open_environment(f"sqlite:///{old}", tmp_path / "backups")
    assert f"from schema 1 to {SCHEMA_VERSION}" in done
    backups = list((tmp_path / "backups").glob("old-schema1-*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as con:
        assert con.execute("SELECT value FROM schema_info").fetchone() == ("1",)
    # Nothing was lost, and what the old version never indexed is found now.
    assert Ticket.select().count() == 3
    assert Payment.select().count() == 1
    assert len(env.search.matching_ids("欠薪")) == 0
    assert len(env.search.matching_ids("工资")) == 1
    assert len(env.search.matching_ids("社保")) == 1
    env.close()

    fresh = tmp_path / "fresh.db"
    open_environment(f"sqlite:///{fresh}", tmp_path / "backups")[0].close()
    assert schema_of(old) == schema_of(fresh)


def test_a_database_newer_than_the_app_is_refused(tmp_path):
    path = tmp_path / "future.db"
    open_environment(f"sqlite:///{path}", tmp_path)[0].close()
    with sqlite3.connect(path) as con:
        con.execute(f"UPDATE schema_info SET value = '{SCHEMA_VERSION + 1}'")
    with pytest.raises(SchemaTooNew, match="newer than this app"):
        open_environment(f"sqlite:///{path}", tmp_path)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT value FROM schema_info").fetchone() == (str(SCHEMA_VERSION + 1),)


def test_a_database_of_another_program_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseUnavailable, match="belongs to another program"):
        open_environment(f"sqlite:///{path}", tmp_path)
    with sqlite3.connect(path) as con:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}


def test_not_null_columns_have_database_side_defaults(env):
    """An older app version inserting into a newer schema must not fail on a new column."""
    missing = []
    for model in ALL_MODELS:
        for field in model._meta.sorted_fields:
            if field.null or field.primary_key:
                continue
            has_default = any("DEFAULT" in str(c.sql) for c in field.constraints or [])
            if not has_default and f"{model.__name__}.{field.name}" not in SET_BY_EVERY_WRITER:
                missing.append(f"{model.__name__}.{field.name}")
    assert missing == []


# Columns without which a row means nothing, which every version of the app sets.
# A new NOT NULL column gets a database-side default instead of a line here.
SET_BY_EVERY_WRITER = {
    "OrgUnit.code", "OrgUnit.kind", "User.username", "User.role", "User.unit",
    "Category.code", "EmploymentForm.code", "Industry.code", "Caller.phone", "Employer.key",
    "Call.caller", "Call.agent", "Call.kind", "Ticket.number", "Ticket.call", "Ticket.caller",
    "Ticket.phone", "Ticket.category", "Ticket.created_by", "Ticket.updated_by",
    "TicketEvent.ticket", "TicketEvent.actor", "TicketEvent.step", "TicketEvent.to_status",
    "Assignment.ticket", "Assignment.unit", "Assignment.role", "Assignment.state",
    "Assignment.dispatched_by", "Instruction.ticket", "Instruction.leader", "Payment.ticket",
    "Payment.amount", "Payment.paid_on", "Payment.recorded_by", "Mediation.ticket",
    "Mediation.started_by", "ExtensionRequest.ticket", "ExtensionRequest.requested_by",
    "Alert.kind", "Alert.level", "Alert.rule", "Alert.ticket", "AlertTicket.alert",
    "AlertTicket.ticket", "AlertEvent.alert", "AlertEvent.action", "PlaybookTick.alert",
    "PlaybookTick.step", "PlaybookTick.ticked_by", "Reminder.ticket", "Reminder.unit",
    "Reminder.sent_by",
}  # fmt: skip


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("oracle://db/x", "unsupported database URL"),
        ("sqlite://", "names no file"),
        ("postgresql://", "needs a host and a database name"),
        ("just-words", "unsupported database URL"),
    ],
)
def test_bad_urls_are_explained(url, message):
    with pytest.raises(DatabaseUnavailable, match=message):
        describe_url(url)


def test_an_unreachable_server_is_one_clear_error():
    with pytest.raises(DatabaseUnavailable, match="cannot reach the database"):
        open_database("postgresql://nobody@127.0.0.1:1/nothing")


def test_postgresql_with_a_non_utf8_encoding_is_refused(postgresql_database):
    admin, _info = open_database(postgresql_database)
    admin.execute_sql("DROP DATABASE IF EXISTS hotline_latin1")
    admin.execute_sql(
        "CREATE DATABASE hotline_latin1 ENCODING 'LATIN1' LC_CTYPE 'C' LC_COLLATE 'C' "
        "TEMPLATE template0"
    )
    admin.close()
    url = postgresql_database.rsplit("/", 1)[0] + "/hotline_latin1"
    try:
        with pytest.raises(DatabaseUnavailable, match="needs UTF8"):
            open_database(url)
    finally:
        admin, _info = open_database(postgresql_database)
        admin.execute_sql("DROP DATABASE IF EXISTS hotline_latin1")
        admin.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://u@[::1/x", "malformed"),
        ("postgresql://u@host:port/x", "malformed"),
        ("sqlite:////proc/no-such-place/h.db", "cannot create the folder"),
    ],
)
def test_malformed_urls_and_impossible_paths_are_explained(url, message):
    with pytest.raises(DatabaseUnavailable, match=message):
        open_database(url)
