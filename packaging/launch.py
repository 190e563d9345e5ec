"""The bundle's entry point: `cairn` as the console script runs it (PyInstaller needs a file,
and `cairn/__main__.py` uses package-relative imports)."""

import sys

from cairn.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
