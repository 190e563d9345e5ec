"""The desktop integration files are valid (`desktop-file-validate`, `appstreamcli validate`:
`pytest -m release`, which .ci/run runs), name each other and the icons that exist, and
announce the release the changelog and `cairn.__version__` name."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import cairn

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.cairndesktop.Cairn"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.release
def test_the_desktop_entry_is_valid_and_starts_cairn_with_its_icon() -> None:
    checked = _run("desktop-file-validate", str(DESKTOP))
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    entry = dict(
        line.split("=", 1)
        for line in DESKTOP.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert entry["Exec"] == "cairn" and entry["Icon"] == APP_ID and entry["Terminal"] == "false"


@pytest.mark.release
def test_the_metainfo_is_valid_and_launches_the_desktop_entry() -> None:
    checked = _run("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    component = ElementTree.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.find("content_rating") is not None
    assert len(component.findall("screenshots/screenshot")) >= 3
    for image in component.iterfind("screenshots/screenshot/image"):  # shots kept in docs/
        assert (ROOT / "docs" / Path(image.text or "").name).is_file(), image.text


def test_the_icon_exists_from_16_to_512_pixels_and_as_svg() -> None:
    theme = LINUX / "icons" / "hicolor"
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n", png
        assert int.from_bytes(header[16:20], "big") == size, png  # the IHDR width
    scalable = theme / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "cairn.svg").read_bytes()


def test_the_newest_release_is_the_changelog_s_and_the_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = re.search(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.M)
    assert newest is not None, "no released version in CHANGELOG.md"
    release = ElementTree.parse(METAINFO).getroot().find("releases/release")
    assert release is not None
    assert (release.get("version"), release.get("date")) == newest.groups()
    assert newest.group(1) == cairn.__version__


def test_the_build_scripts_and_the_spec_parse() -> None:
    """The Windows and macOS build scripts cannot run here; they and the spec at least parse
    (PowerShell is checked for balanced braces and the same steps as build.sh)."""
    for script in ("build.sh", "build-macos.sh", "install.sh"):
        done = subprocess.run(
            ["bash", "-n", str(PACKAGING / script)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, (script, done.stderr)
    compile((PACKAGING / "cairn.spec").read_text(encoding="utf-8"), "cairn.spec", "exec")
    windows = (PACKAGING / "build-windows.ps1").read_text(encoding="utf-8")
    assert windows.count("{") == windows.count("}")
    for step in ('tools\\icons.py" --ico', "cairn.spec", "--version", "validate", "welcome shown"):
        assert step in windows, step
    assert "--icns" in (PACKAGING / "build-macos.sh").read_text(encoding="utf-8")


def test_the_license_declared_is_the_license_shipped() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in pyproject
    assert "<project_license>MIT</project_license>" in METAINFO.read_text(encoding="utf-8")
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert '"$ROOT/LICENSE"' in (PACKAGING / "build.sh").read_text(
        encoding="utf-8"
    )  # in the tarball
