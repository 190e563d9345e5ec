"""The translation template a translator starts from parses and holds the window's strings."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "cairn.ts"


def _messages() -> dict[str, set[str]]:
    root = ET.parse(TEMPLATE).getroot()
    assert root.tag == "TS"
    return {
        context.findtext("name", ""): {m.findtext("source", "") for m in context.iter("message")}
        for context in root.iter("context")
    }


def test_the_template_parses_and_names_the_export_dialog_strings() -> None:
    messages = _messages()
    assert "Export progress summary" in messages["ExportDialog"]


def test_every_message_awaits_a_translation() -> None:
    root = ET.parse(TEMPLATE).getroot()
    translations = list(root.iter("translation"))
    assert translations
    assert all(t.get("type") == "unfinished" and not t.text for t in translations)
