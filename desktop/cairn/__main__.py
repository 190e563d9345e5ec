"""`cairn` and `python -m cairn`: the window without a command, the command line with one."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the window or to a command; return the exit code (130 after Ctrl+C, in
    one line: a command stops only between its steps, each of which is whole)."""
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:  # while importing, or as a command's log is printed
        sys.stderr.write("cairn: interrupted; nothing more was changed\n")
        return 130


def _dispatch(argv: Sequence[str] | None) -> int:
    """Dispatch to the window or to a command; return the exit code.

    Start-up (imports, the curriculum, the first reads) makes tens of thousands of objects that
    live as long as the process, and no garbage worth collecting: the cycle collector waits
    until a command has opened the data folder (or the window has painted), then ignores what
    start-up made (`gc.freeze`)."""
    args = list(sys.argv[1:] if argv is None else argv)
    collecting = gc.isenabled()
    gc.disable()
    try:
        from .cli import build_parser, run

        parsed = build_parser().parse_args(args)
    finally:
        if collecting:
            gc.enable()
    if parsed.command is None:  # the window: the same, until its first paint
        if collecting:
            gc.disable()
        from .gui.pyside_imports import quicken

        quicken()  # before the window's modules are imported
        from .gui.app import run_app

        return run_app(
            data_dir=parsed.data_dir,
            quit_after_start=parsed.quit_after_start,
            on_painted=_started if collecting else None,
        )
    if collecting:
        gc.disable()
    try:
        return run(args, on_open=_started)
    finally:
        if collecting:
            gc.enable()


def _started() -> None:
    """Start-up is over (a command's folder is open, the window has painted): collect cycles
    again, among objects made from now on."""
    gc.freeze()
    gc.enable()


if __name__ == "__main__":
    sys.exit(main())
