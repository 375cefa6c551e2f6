"""The Qt binding itself: a hotline workstation runs all day and emits signals by the million."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    flag = Signal(bool)
    result = Signal(int, object)


def test_emitting_signals_leaks_no_reference(qapp):
    # PySide6 6.12.0 dropped a reference to True at each emit; on Python 3.11, where True
    # is not immortal, the app aborted ("deallocating True or False") after a few hundred.
    emitter = _Emitter()
    emitter.flag.connect(lambda _value: None)
    emitter.result.connect(lambda _number, _value: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(100):  # fewer losses than True has references: a failure, not an abort
        emitter.flag.emit(True)
        emitter.flag.emit(False)
        emitter.result.emit(1, True)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
