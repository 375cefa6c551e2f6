"""Creating, stamping and migrating the schema, one version step at a time.

A fresh database gets the current tables and is stamped with SCHEMA_VERSION.
An older one is backed up, then brought forward through MIGRATIONS, each step
in its own transaction, the stamp moving with it. A database newer than this
app is refused: writing to it could break the newer app that owns it.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import peewee

from .database import DatabaseInfo, DatabaseUnavailable
from .models import (
    ALL_MODELS,
    Alert,
    AlertEvent,
    AlertTicket,
    PlaybookTick,
    Reminder,
    RiskRuleSet,
    SchemaInfo,
    Ticket,
)
from .search import document, search_index_for

log = logging.getLogger(__name__)

SCHEMA_VERSION = 5
_VERSION_KEY = "schema_version"
_OPEN = "('new', 'dispatched', 'in_progress')"


class SchemaTooNew(DatabaseUnavailable):
    pass


def stored_version(db: peewee.Database) -> int | None:
    """The schema version stamped in the database, None for an empty database."""
    if not db.table_exists(SchemaInfo._meta.table_name):
        return None
    row = SchemaInfo.get_or_none(SchemaInfo.key == _VERSION_KEY)
    return int(row.value) if row else None


def _stamp(version: int) -> None:
    updated = SchemaInfo.update(value=str(version)).where(SchemaInfo.key == _VERSION_KEY).execute()
    if not updated:
        SchemaInfo.create(key=_VERSION_KEY, value=str(version))


def create_schema(db: peewee.Database) -> None:
    with db.atomic():
        db.create_tables(ALL_MODELS)
        _create_queue_indexes_and_search(db)
        _create_personal_queue_index(db)
        _stamp(SCHEMA_VERSION)


def _create_queue_indexes_and_search(db: peewee.Database) -> None:
    """Version 2: the indexes the queues need, and the Chinese search index."""
    partial = not isinstance(db, peewee.MySQLDatabase)
    where = f" WHERE status IN {_OPEN}" if partial else ""
    if_not = "" if isinstance(db, peewee.MySQLDatabase) else " IF NOT EXISTS"
    statements = [
        # The open queue: a partial index keeps it a few thousand rows, not a million.
        f"CREATE INDEX{if_not} ticket_open_due ON ticket (due_at, id){where}"
        if partial
        else "CREATE INDEX ticket_open_due ON ticket (status, due_at, id)",
        f"CREATE INDEX{if_not} ticket_holder_status ON ticket (holder_unit_id, status, due_at)",
        f"CREATE INDEX{if_not} ticket_status_created ON ticket (status, created_at)",
        f"CREATE INDEX{if_not} ticket_created ON ticket (created_at)",
        f"CREATE INDEX{if_not} ticket_caller_created ON ticket (caller_id, created_at)",
        f"CREATE INDEX{if_not} ticket_employer_created ON ticket (employer_id, created_at)",
        f"CREATE INDEX{if_not} ticket_category_created ON ticket (category_id, created_at)",
    ]
    for statement in statements:
        db.execute_sql(statement)
    search_index_for(db).create()


def _migrate_to_2(db: peewee.Database) -> None:
    _create_queue_indexes_and_search(db)
    index_all_tickets(db)


def _migrate_to_3(db: peewee.Database) -> None:
    """A reopened ticket may go to mediation again: one mediation row per round. And the
    foreign keys nothing looks up by lose their indexes (see ``models``)."""
    if isinstance(db, peewee.MySQLDatabase):
        # One statement: the foreign key must never be left without an index. InnoDB
        # wants an index behind every foreign key, so the others stay.
        db.execute_sql(
            "ALTER TABLE mediation DROP INDEX mediation_ticket_id, "
            "ADD INDEX mediation_ticket_id (ticket_id)"
        )
        return
    db.execute_sql("DROP INDEX mediation_ticket_id")
    db.execute_sql("CREATE INDEX mediation_ticket_id ON mediation (ticket_id)")
    for model in ALL_MODELS:
        for field in model._meta.sorted_fields:
            if isinstance(field, peewee.ForeignKeyField) and not field.index:
                db.execute_sql(f"DROP INDEX IF EXISTS {model._meta.table_name}_{field.column_name}")


def _create_personal_queue_index(db: peewee.Database) -> None:
    """Version 4: the queue's "mine" view, an agent's own calls, newest first; without
    it the view reads the whole table (0.4 s at a million tickets)."""
    db.execute_sql("CREATE INDEX ticket_creator_created ON ticket (created_by_id, created_at)")


def _migrate_to_5(db: peewee.Database) -> None:
    """The 1155 alerts: versioned risk rules, alerts and their history, playbook ticks,
    reminders, and the marks and reminder count a queue row shows."""
    db.execute_sql("ALTER TABLE ticket ADD COLUMN risk_marks VARCHAR(64) NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE ticket ADD COLUMN risk_dismissed VARCHAR(64) NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE ticket ADD COLUMN risk_rules_version INTEGER NOT NULL DEFAULT 0")
    db.execute_sql("ALTER TABLE ticket ADD COLUMN reminder_count INTEGER NOT NULL DEFAULT 0")
    db.create_tables((RiskRuleSet, Alert, AlertTicket, AlertEvent, PlaybookTick, Reminder))


MIGRATIONS: dict[int, Callable[[peewee.Database], None]] = {
    2: _migrate_to_2,
    3: _migrate_to_3,
    4: _create_personal_queue_index,
    5: _migrate_to_5,
}


def index_all_tickets(db: peewee.Database, batch: int = 5_000) -> int:
    """Fill an empty search index with every ticket's text; returns how many were indexed."""
    index = search_index_for(db)
    fields = (Ticket.id, Ticket.number, Ticket.caller_name, Ticket.employer_name)
    done, last_id = 0, 0
    while True:
        rows = list(
            Ticket.select(*fields, Ticket.description)
            .where(Ticket.id > last_id)
            .order_by(Ticket.id)
            .limit(batch)
            .tuples()
        )
        if not rows:
            return done
        index.add_many(
            (tid, document(number, caller, employer, text or ""))
            for tid, number, caller, employer, text in rows
        )
        done += len(rows)
        last_id = rows[-1][0]


def prepare(
    db: peewee.Database,
    info: DatabaseInfo,
    backup_dir: Path,
    *,
    skip_backup: bool = False,
    create: bool = True,
) -> str:
    """Make the database ready for this app; returns what was done, in one line."""
    version = stored_version(db)
    if version is None:
        if db.get_tables():
            raise DatabaseUnavailable(
                f"the database {info.description} holds tables but no hotline schema "
                "version: it belongs to another program"
            )
        if not create:
            raise DatabaseUnavailable(
                f"the database {info.description} is empty: create the hotline's tables "
                "with “hotline-desktop init”"
            )
        create_schema(db)
        return f"created schema version {SCHEMA_VERSION} in {info.description}"
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"the database {info.description} has schema version {version}, newer than "
            f"this app's {SCHEMA_VERSION}: update the app before opening it"
        )
    if version == SCHEMA_VERSION:
        return f"schema version {version} is current"
    backup = None if skip_backup else backup_database(db, info, backup_dir, version)
    for step in range(version + 1, SCHEMA_VERSION + 1):
        log.info("migrating %s to schema version %d", info.description, step)
        with db.atomic():
            MIGRATIONS[step](db)
            _stamp(step)
    saved = f"; backup in {backup}" if backup else ""
    return f"migrated {info.description} from schema {version} to {SCHEMA_VERSION}{saved}"


def backup_database(db: peewee.Database, info: DatabaseInfo, folder: Path, version: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    moment = datetime.now().strftime("%Y%m%dT%H%M%S")
    if info.engine == "sqlite":
        target = folder / f"{Path(info.description).stem}-schema{version}-{moment}.db"
        with sqlite3.connect(target) as copy:
            db.connection().backup(copy)
        return target
    tool = "pg_dump" if info.engine == "postgresql" else "mysqldump"
    if not shutil.which(tool):
        raise DatabaseUnavailable(
            f"{tool} was not found, so the database {info.description} cannot be backed up "
            "before migrating; back it up yourself, then migrate with --skip-backup"
        )
    parts = urlsplit(info.url)
    target = folder / f"{parts.path.strip('/')}-schema{version}-{moment}.sql"
    if info.engine == "postgresql":
        command = [tool, "--no-owner", "-f", str(target), info.url]
    else:
        command = [tool, "-h", parts.hostname, "-P", str(parts.port or 3306)]
        if parts.username:
            command += ["-u", parts.username]
        if parts.password:
            command.append(f"-p{parts.password}")
        command += ["--single-transaction", f"--result-file={target}", parts.path.strip("/")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        raise DatabaseUnavailable(f"{tool} failed: {result.stderr.strip().splitlines()[-1:]}")
    return target
