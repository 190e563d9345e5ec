"""Opening links: only on a click, only http(s) and mailto, only in the system browser."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ...content.urls import is_openable_link


def open_external(url: QUrl | str) -> bool:
    """Hand a link to the system browser if it is http(s) or mailto; refuse anything else."""
    text = url.toString() if isinstance(url, QUrl) else url
    if not is_openable_link(text):
        return False
    return QDesktopServices.openUrl(QUrl(text))
