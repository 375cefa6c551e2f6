"""Driver errors as the drivers raise them, for tests of what a window says of them."""

from __future__ import annotations

import peewee
import psycopg

LOST = "server closed the connection unexpectedly"


def connection_lost(*_args, **_kwargs):
    """What peewee raises when the server goes away mid-query: its own error, raised from
    the driver's, which says the connection is gone (no SQLSTATE)."""
    try:
        raise psycopg.OperationalError(LOST)
    except psycopg.OperationalError as cause:
        raise peewee.OperationalError(LOST) from cause
