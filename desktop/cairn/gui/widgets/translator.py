"""Load a translation of the window for the system's language, when one is shipped.

A translator fills resources/translations/cairn.ts (made by tools/translations.py) in
pyside6-linguist, saves it as cairn_<locale>.ts and compiles it with pyside6-lrelease; the
resulting cairn_<locale>.qm beside the template is picked up here with no code changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from cairn.locations import resources_dir


def translations_dir() -> Path:
    """Where the template and compiled translations live."""
    return resources_dir() / "translations"


def install_translator(
    app: QApplication, locale: QLocale | None = None, folder: Path | None = None
) -> QTranslator | None:
    """Install cairn_<locale>.qm for `locale` (the system's by default) if present; return the
    installed translator, or None when there is no translation (English stays)."""
    translator = QTranslator(app)
    where = str(folder if folder is not None else translations_dir())
    if not translator.load(locale or QLocale.system(), "cairn", "_", where):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
