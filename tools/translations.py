"""Regenerate the translation template resources/translations/cairn.ts from the source.

    python tools/translations.py          write the template
    python tools/translations.py --check  exit 1 if the committed template is out of date

pyside6-lupdate extracts every string passed to tr() / QCoreApplication.translate() in
desktop/cairn. A translator opens the template in pyside6-linguist, saves it as
cairn_<locale>.ts, and `pyside6-lrelease` turns that into cairn_<locale>.qm beside it; Cairn
loads the .qm for the system locale at start (cairn.gui.widgets.translator), no code changes.
Source locations are left out so that moving code does not change the template.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "desktop" / "cairn"
TEMPLATE = ROOT / "resources" / "translations" / "cairn.ts"


def lupdate() -> str:
    """The path of pyside6-lupdate beside the running Python, or on PATH."""
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate was not found: install PySide6 (pip install -e .)")
    return found


def generate(out: Path) -> None:
    """Write a fresh template for every .py file under desktop/cairn to `out`."""
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCE.rglob("*.py"))
    out.unlink(missing_ok=True)
    subprocess.run(
        [lupdate(), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(out)],
        cwd=ROOT,
        check=True,
    )


def main(argv: list[str]) -> int:
    if argv not in ([], ["--check"]):
        print(__doc__, file=sys.stderr)
        return 2
    if not argv:
        TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
        generate(TEMPLATE)
        print(f"wrote {TEMPLATE.relative_to(ROOT)}")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "cairn.ts"
        generate(fresh)
        current = TEMPLATE.read_text(encoding="utf-8") if TEMPLATE.exists() else ""
        if fresh.read_text(encoding="utf-8") != current:
            print(
                f"{TEMPLATE.relative_to(ROOT)} is out of date: run python tools/translations.py "
                "and commit it",
                file=sys.stderr,
            )
            return 1
    print(f"{TEMPLATE.relative_to(ROOT)} is current")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
