"""How long a ticket has left, in the words of a queue cell or a ticket's header."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication


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


def format_time_left(left: timedelta) -> str:
    """ "2 d 3 h left" before the deadline, "overdue 5 h" after it."""
    if left < timedelta(0):
        template = QCoreApplication.translate("TimeLeft", "overdue %1")
    else:
        template = QCoreApplication.translate("TimeLeft", "%1 left")
    return template.replace("%1", format_duration(left))
