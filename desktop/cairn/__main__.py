"""`cairn` and `python -m cairn`: the window without a command, the command line with one."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the window or to a command; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    from .cli import build_parser, run

    parsed = build_parser().parse_args(args)
    if parsed.command is None:
        from .gui.app import run_app

        return run_app(data_dir=parsed.data_dir, quit_after_start=parsed.quit_after_start)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
