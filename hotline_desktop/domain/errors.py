"""Errors a user can cause and understand; each carries a sentence fit to show them."""

from __future__ import annotations


class HotlineError(Exception):
    """Base of every error the application expects and explains to its user.

    ``detail`` is what the user's sentence leaves out and whoever maintains the
    installation needs (a driver's own words): a window shows it behind "Details"."""

    detail: str = ""


class InvalidInput(HotlineError):
    """A field the user filled in is wrong; ``field`` names it so a form can mark it."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class StepNotAllowed(HotlineError):
    """A workflow step that the ticket's state or the actor's role does not allow."""

    def __init__(self, ticket: str | None, status: str | None, step: str, reason: str):
        where = f"ticket {ticket} is {status}: " if ticket else ""
        super().__init__(f"{where}cannot {step}: {reason}")
        self.ticket = ticket
        self.status = status
        self.step = step
        self.reason = reason


class PermissionDenied(StepNotAllowed):
    """The step exists in this state, but not for this actor."""


class ConcurrentEdit(HotlineError):
    """Somebody else changed the ticket since the user loaded it."""

    def __init__(self, ticket: str, changed_by: str, changed_at: str):
        super().__init__(f"ticket {ticket} was changed by {changed_by} at {changed_at}; reload it")
        self.ticket = ticket
        self.changed_by = changed_by
        self.changed_at = changed_at


class NotFound(HotlineError):
    """A ticket, unit, user or reference entry that does not exist."""


class DatabaseUnavailable(HotlineError):
    """A URL that is wrong, or a server that cannot be reached or used."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail


class StorageUnwritable(HotlineError):
    """The disk under the database (or a file the app writes) takes nothing more."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail


class DiskFull(StorageUnwritable):
    pass


class ReadOnlyStorage(StorageUnwritable):
    pass
