"""Every user-facing string has a finished Simplified Chinese translation."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ElementTree

import pytest

from hotline_desktop.config import folders
from hotline_desktop.ui.common import i18n


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


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """A copy of the shipped translations, and a user cache of the test's own."""
    folder = tmp_path / "shipped"
    folder.mkdir()
    shutil.copy(i18n.ts_file("zh_CN"), folder)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", folder)
    monkeypatch.setattr(folders, "cache_dir", lambda: tmp_path / "cache")
    return folder


def test_the_compiled_translation_is_built(shipped):
    assert [path.name for path in i18n.build_translations()] == ["hotline_desktop_zh_CN.qm"]
    assert (i18n.compiled_dir() / "hotline_desktop_zh_CN.qm").stat().st_size > 0
    assert i18n.build_translations() == []  # up to date: nothing rebuilt
    # Into the user's cache: an installed package may be read-only, and is shared.
    assert i18n.compiled_dir().is_relative_to(folders.cache_dir())
    assert [path.name for path in shipped.iterdir()] == ["hotline_desktop_zh_CN.ts"]


def test_an_edited_source_is_built_again(shipped):
    (built,) = i18n.build_translations()
    source = shipped / "hotline_desktop_zh_CN.ts"
    later = built.stat().st_mtime + 10
    os.utime(source, (later, later))
    assert i18n.build_translations() == [built]


def test_each_installed_copy_builds_its_own(shipped, monkeypatch):
    """A checkout and an installed release, run by one user, share the user's cache."""
    first = i18n.compiled_dir()
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", shipped.parent / "another-copy")
    assert i18n.compiled_dir() != first


def test_without_lrelease_the_translation_shipped_prebuilt_is_loaded(qapp, shipped, monkeypatch):
    """A frozen build has no lrelease and ships its .qm beside the .ts."""
    (built,) = i18n.build_translations()
    shutil.move(built, shipped / built.name)
    monkeypatch.setattr(i18n, "_qt_tool", lambda name: str(shipped / "no-such-tool"))
    translators = i18n.install_translators(qapp, "zh_CN")
    try:
        assert (
            qapp.translate("MainWindow", "12351 Hotline Desk") == "12351 工会服务职工热线工单系统"
        )
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert not list(i18n.compiled_dir().glob("*.qm"))
