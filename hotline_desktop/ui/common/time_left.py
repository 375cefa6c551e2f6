"""How long a ticket has left, in the words of a queue cell and a ticket's header."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from ...domain.queue_marks import Due, DueKind


def format_duration(span: timedelta) -> str:
    """ "2 d 3 h", "5 h 30 min", "40 min": days and hours beyond a day, minutes within
    the last hours, where a dispatcher's attention is needed most."""
    span = abs(span)
    days, seconds = span.days, span.seconds
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    translate = QCoreApplication.translate
    if days:
        text = translate("TimeLeft", "%1 d %2 h").replace("%2", str(hours))
        return text.replace("%1", str(days))
    if hours:
        text = translate("TimeLeft", "%1 h %2 min").replace("%2", str(minutes))
        return text.replace("%1", str(hours))
    return translate("TimeLeft", "%1 min").replace("%1", str(minutes))


def describe_due(due: Due, now: datetime) -> str:
    """ "Sign within 40 min", "Overdue by 2 d 3 h": the deadline that matters, in words."""
    translate = QCoreApplication.translate
    left = due.at - now
    if left < timedelta(0):
        sentence = {
            DueKind.SIGN: translate("TimeLeft", "Signing overdue by %1"),
            DueKind.COMPLETE: translate("TimeLeft", "Overdue by %1"),
            DueKind.CALLBACK: translate("TimeLeft", "Callback overdue by %1"),
        }[due.kind]
    else:
        sentence = {
            DueKind.SIGN: translate("TimeLeft", "Sign within %1"),
            DueKind.COMPLETE: translate("TimeLeft", "Complete within %1"),
            DueKind.CALLBACK: translate("TimeLeft", "Call back within %1"),
        }[due.kind]
    return sentence.replace("%1", format_duration(left))
