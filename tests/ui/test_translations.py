"""Every user-facing string has a finished Simplified Chinese translation."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree

from hotline_desktop import i18n


def messages(path):
    return ElementTree.parse(path).getroot().iter("message")


def test_no_translation_is_unfinished_or_empty():
    unfinished = [
        m.findtext("source")
        for m in messages(i18n.ts_file("zh_CN"))
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_the_translation_source_holds_every_string_of_the_code(tmp_path, monkeypatch):
    """A tr() added without running the update leaves the Chinese user with English."""
    copy = tmp_path / "hotline_desktop_zh_CN.ts"
    shutil.copy(i18n.ts_file("zh_CN"), copy)
    monkeypatch.setattr(i18n, "ts_file", lambda language: copy)
    i18n.update_translation_sources()
    collected = {(m.findtext("source"), m.find("translation").get("type")) for m in messages(copy)}
    assert {source for source, state in collected if state == "unfinished"} == set()


def test_the_compiled_translation_is_built(tmp_path, monkeypatch):
    shutil.copy(i18n.ts_file("zh_CN"), tmp_path)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    assert [path.name for path in i18n.build_translations()] == ["hotline_desktop_zh_CN.qm"]
    assert (tmp_path / "hotline_desktop_zh_CN.qm").stat().st_size > 0
    assert i18n.build_translations() == []  # up to date: nothing rebuilt
