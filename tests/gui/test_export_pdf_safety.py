"""PDF exports carry web links only, never actions (issue 10, case 11), a refused or failed
export leaves no file behind (case 5), and the export window refuses the data folder in words."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path

import pytest

from cairn.reports.export import ExportTargetRefused, export, write_export
from cairn.reports.pdf import UnsafePdfError, active_content
from cairn.tracker import Tracker, TrackerError

JAVASCRIPT = "https://a.example/)/S/JavaScript/JS(app.alert(1)"
LAUNCH = "https://a.example/)/S/Launch/F(calc.exe)"
ENCODED = {
    JAVASCRIPT: "https://a.example/%29/S/JavaScript/JS%28app.alert%281%29",
    LAUNCH: "https://a.example/%29/S/Launch/F%28calc.exe%29",
}
ACTIVE = (b"/JavaScript", b"/JS", b"/Launch", b"/SubmitForm", b"/ImportData", b"/GoToR")


def _objects(pdf: bytes) -> tuple[list[str], bytes]:
    """The link targets of a PDF, and its object text with streams and link targets removed
    (written independently of the exporter's own check)."""
    outside = re.sub(rb"stream\r?\n.*?endstream", b"", pdf, flags=re.S)
    targets = [m.decode("latin-1") for m in re.findall(rb"/URI\s*\(([^()\\]*)\)", outside)]
    return targets, re.sub(rb"/URI\s*\([^()\\]*\)", b"", outside)


def _assert_inert_with_links(pdf: bytes, links: list[str]) -> None:
    targets, rest = _objects(pdf)
    for name in ACTIVE:
        assert not re.search(re.escape(name) + rb"(?![A-Za-z0-9])", rest), name
    assert all(t.startswith(("https://", "http://")) for t in targets), targets
    for link in links:
        assert ENCODED[link] in targets, (link, targets)


@pytest.mark.parametrize("payload", [JAVASCRIPT, LAUNCH])
def test_case11_an_evidence_link_never_becomes_a_pdf_action(
    qapp,
    tracker: Tracker,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    payload: str,
) -> None:
    tracker.set_status("demo-start", "done")
    try:
        tracker.add_evidence("demo-start", payload)
    except TrackerError:  # refused at input: store it as an older Cairn might have
        tracker._database.add_evidence("demo-start", payload, datetime(2026, 1, 2))
    item = next(iter(tracker.curriculum.items))
    tracker._database.set_note(item, f"see <{payload}>", False, datetime(2026, 1, 2))
    target = export(tracker.snapshot(), "pdf", tmp_path / "summary.pdf").path
    _assert_inert_with_links(target.read_bytes(), [payload])


@pytest.mark.parametrize("payload", [JAVASCRIPT, LAUNCH])
def test_case11_the_pdf_writer_refuses_raw_hostile_links(
    qapp,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    payload: str,
) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"%PDF last week's good summary")
    html = f'<p><a href="{payload}">proof</a> <a href="file:///etc/passwd">file</a></p>'
    with pytest.raises(UnsafePdfError) as refused:
        write_export(html, "pdf", target, datetime(2026, 1, 1))
    assert str(target) in str(refused.value)
    assert target.read_bytes() == b"%PDF last week's good summary"  # the old one is intact
    with pytest.raises(UnsafePdfError):
        write_export(html, "pdf", tmp_path / "new.pdf", datetime(2026, 1, 1))
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]  # no new file, no partial


def test_case11_the_check_reads_names_and_strings_like_a_pdf_reader() -> None:
    assert active_content(b"<< /S /URI /URI (https://a.example/%29/S/JavaScript) >>") == []
    found = active_content(
        b"<< /S /J#61vaScript /URI (mailto:x) /URI <6a733a> >>\n"
        b"stream\n/Launch\nendstream % /SubmitForm\n"
    )
    assert found == ["/JavaScript", "a link to 'js:'", "a link to 'mailto:x'"]


def test_case5_the_window_refuses_the_data_folder_in_words(
    qtbot,
    tracker: Tracker,  # type: ignore[no-untyped-def]
    data_dir: Path,
) -> None:
    from cairn.gui.sharing.export_dialog import ExportDialog

    dialog = ExportDialog(tracker)
    qtbot.addWidget(dialog)
    before = hashlib.sha256(tracker.database_path.read_bytes()).hexdigest()
    dialog.export_to(tracker.database_path)
    assert (
        "data folder" in dialog.state.text() and str(tracker.database_path) in dialog.state.text()
    )
    assert dialog.export_button.isEnabled()
    assert hashlib.sha256(tracker.database_path.read_bytes()).hexdigest() == before
    with pytest.raises(ExportTargetRefused):
        write_export(
            "x", "md", data_dir / "backups" / "x.md", datetime(2026, 1, 1), data_dir=data_dir
        )
