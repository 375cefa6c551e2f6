"""Translations: Simplified Chinese by default, English as written in the source.

The .ts sources ship in resources/translations; the .qm files Qt loads are built from them
by Qt's lrelease (shipped with PySide6) into the user's cache, when missing or older than
their source. The installed package is never written to: it may be read-only, and it is
shared by every user of the machine. A frozen build, which has no lrelease, ships its .qm
files beside the .ts instead.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...config import folders
from ...config.resources import TRANSLATIONS_DIR

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def ts_file(language: str) -> Path:
    return TRANSLATIONS_DIR / f"hotline_desktop_{language}.ts"


def _qt_tool(name: str) -> str:
    import PySide6

    return str(Path(PySide6.__file__).parent / (f"{name}.exe" if sys.platform == "win32" else name))


def update_translation_sources() -> None:
    """Collect every tr() string of the package into the .ts files (for translators)."""
    package = Path(__file__).resolve().parents[2]
    sources = [str(path) for path in sorted(package.rglob("*.py")) if _uses_tr(path)]
    for language in LANGUAGES:
        if language == "en":
            continue  # the source text is English
        subprocess.run(
            [
                _qt_tool("lupdate"),
                "-locations",
                "none",
                "-no-obsolete",
                *sources,
                "-ts",
                str(ts_file(language)),
            ],
            check=True,
            capture_output=True,
        )


def _uses_tr(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return any(call in text for call in ("tr(", "translate(", "QT_TRANSLATE_NOOP("))


def compiled_dir() -> Path:
    """Where the .qm files built from the shipped .ts are kept: a folder of the user's cache
    for each installed copy, so that a checkout and an installed release, both run by one
    user, do not take each other's translations."""
    copy = hashlib.sha256(str(TRANSLATIONS_DIR).encode()).hexdigest()[:16]
    return folders.cache_dir() / "translations" / copy


def build_translations() -> list[Path]:
    """Compile every .ts whose .qm is missing or stale; returns the files built."""
    built = []
    target_dir = compiled_dir()
    for source in sorted(TRANSLATIONS_DIR.glob("*.ts")):
        target = target_dir / source.with_suffix(".qm").name
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        target_dir.mkdir(parents=True, exist_ok=True)
        # Written aside, then swapped in: a running instance may have the old file mapped.
        fresh = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        subprocess.run(
            [_qt_tool("lrelease"), "-silent", str(source), "-qm", str(fresh)],
            check=True,
            capture_output=True,
        )
        os.replace(fresh, target)
        built.append(target)
    return built


def install_translators(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE
) -> list[QTranslator]:
    """Load Qt's own strings and the application's for ``language``; English needs none."""
    if language == "en":
        return []
    try:
        build_translations()
    except (OSError, subprocess.CalledProcessError) as error:
        # A frozen build has no lrelease, and ships its .qm files beside the .ts.
        log.warning("could not build translations: %s", error)
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, places in (
        ("qtbase", [qt_dir]),
        ("hotline_desktop", [str(compiled_dir()), str(TRANSLATIONS_DIR)]),
    ):
        translator = QTranslator(app)
        if any(translator.load(QLocale(language), name, "_", folder) for folder in places):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("no %s translation for %s in %s", name, language, ", ".join(places))
    return translators
