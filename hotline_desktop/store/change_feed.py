"""How one workstation learns that another has changed tickets or alerts.

Every change of a ticket appends to its history, and every change of an alert to the
alert's, so the two newest history ids and the newest alert's id are a change counter
any engine answers from its primary keys: the cheap check SQLite and MySQL workstations
poll. PostgreSQL pushes
instead: each write transaction ends with a NOTIFY, delivered to every listening
workstation when it commits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import peewee

CHANNEL = "hotline_changes"
# How long a listener waits for a notification before looking at its stop flag.
_WAKE_SECONDS = 0.5


def latest_change(db: peewee.Database) -> tuple[int, int, int]:
    row = db.execute_sql(
        "SELECT (SELECT max(id) FROM ticket_event), (SELECT max(id) FROM alert_event), "
        "(SELECT max(id) FROM alert)"
    ).fetchone()
    return tuple(value or 0 for value in row)


def announce_change(db: peewee.Database) -> None:
    """Inside a PostgreSQL write transaction: listeners hear of it when it commits."""
    db.execute_sql(f"NOTIFY {CHANNEL}")


def listen_for_changes(url: str, stop: threading.Event, on_change: Callable[[], None]) -> None:
    """Call ``on_change`` for each PostgreSQL notification until ``stop`` is set.

    Runs on a thread of its own with a connection of its own: a listening connection
    must stay open and idle, outside any transaction. A lost connection raises, and the
    caller decides when to listen again.
    """
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
        connection.execute(f"LISTEN {CHANNEL}")
        # Whatever changed while nobody listened (before the start, or while the server
        # was away) is caught up with at once.
        on_change()
        while not stop.is_set():
            for _notification in connection.notifies(timeout=_WAKE_SECONDS):
                on_change()
