"""Where the resources that ship with the application are: reference data, translations
and demo content.

They are kept in ``resources/`` at the top of the checkout and installed inside the
package as ``hotline_desktop.resources`` (pyproject.toml maps the one onto the other), so
that the import system finds them wherever the package itself was found: the checkout
through an editable install, a wheel in site-packages, or a frozen build's bundle.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CHECKOUT_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def resources_dir() -> Path:
    """The one place that knows where the shipped resources are."""
    try:
        # Imported by name rather than looked up by a string, so that a freezer's analysis
        # bundles the package (its data files it must still be told to collect).
        from .. import resources
    except ImportError:
        # A checkout run without being installed (python main.py), or installed before
        # the resources became a package: nothing maps the package onto the folder.
        if _CHECKOUT_RESOURCES.is_dir():
            return _CHECKOUT_RESOURCES
        raise
    found = files(resources)
    # Qt and lrelease open files by name: an install they cannot reach (a zip) is no use.
    if not isinstance(found, Path):
        raise RuntimeError(f"the shipped resources are not in a folder: {found}")
    return found


_RESOURCES = resources_dir()
REFERENCE_DIR = _RESOURCES / "reference"
TRANSLATIONS_DIR = _RESOURCES / "translations"
DEMO_DIR = _RESOURCES / "demo"
