"""What every service needs: the open database, the working calendar, the time limits, a clock."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee

from ..config.resources import REFERENCE_DIR
from ..domain.calendar import WorkingCalendar
from ..domain.risk_rules import RiskRules
from ..domain.time_limits import TimeLimitPolicy
from ..store.change_feed import announce_change
from ..store.database import DatabaseInfo, open_database
from ..store.models import CalendarOverride
from ..store.models import database as database_proxy
from ..store.reference_cache import ReferenceCache
from ..store.schema import prepare
from ..store.search import SearchIndex, search_index_for
from ..store.statements import Statements

BEIJING = ZoneInfo("Asia/Shanghai")


def hotline_now() -> datetime:
    """Beijing wall-clock time: due dates and ticket numbers follow the Chinese calendar,
    whatever time zone a workstation is set to."""
    return datetime.now(BEIJING).replace(tzinfo=None)


def default_time_limits() -> TimeLimitPolicy:
    data = json.loads((REFERENCE_DIR / "time_limits.json").read_text(encoding="utf-8"))
    return TimeLimitPolicy.from_dict(data)


@dataclass
class Environment:
    db: peewee.Database
    info: DatabaseInfo
    calendar: WorkingCalendar
    limits: TimeLimitPolicy
    search: SearchIndex
    clock: Callable[[], datetime] = field(default=hotline_now)
    sql: Statements = field(init=False)
    reference: ReferenceCache = field(init=False, default_factory=ReferenceCache)
    # The risk rules last read, kept until an admin saves a newer version (rule_versions).
    risk_rules: RiskRules | None = field(init=False, default=None)
    risk_rules_checked: float = field(init=False, default=0.0)  # time.monotonic()

    def __post_init__(self) -> None:
        self.sql = Statements(self.db)

    def now(self) -> datetime:
        # Whole seconds: every engine stores them alike, and nobody reads microseconds.
        return self.clock().replace(microsecond=0)

    def write(self) -> AbstractContextManager:
        """One write transaction. SQLite takes its write lock at the start, so that two
        workstations reading then writing the same ticket cannot deadlock. On PostgreSQL
        the transaction tells the listening workstations when it commits."""
        if isinstance(self.db, peewee.SqliteDatabase):
            return self.db.atomic("IMMEDIATE")
        if isinstance(self.db, peewee.PostgresqlDatabase):
            return _announced(self.db)
        return self.db.atomic()

    def reload_calendar(self) -> None:
        overrides = list(CalendarOverride.select())
        self.calendar = WorkingCalendar(
            extra_holidays=[o.day for o in overrides if not o.workday],
            extra_workdays=[o.day for o in overrides if o.workday],
        )

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


@contextmanager
def _announced(db: peewee.Database) -> Iterator[None]:
    with db.atomic():
        yield
        announce_change(db)


def open_environment(
    url: str,
    backup_dir: Path,
    *,
    skip_backup: bool = False,
    create: bool = True,
    clock: Callable[[], datetime] = hotline_now,
) -> tuple[Environment, str]:
    """Connect, create (unless told not to) or migrate the schema; returns the
    environment and what was done."""
    db, info = open_database(url, create=create)
    database_proxy.initialize(db)
    try:
        done = prepare(db, info, backup_dir, skip_backup=skip_backup, create=create)
    except Exception:
        db.close()
        raise
    env = Environment(
        db, info, WorkingCalendar(), default_time_limits(), search_index_for(db), clock
    )
    env.reload_calendar()
    return env, done
