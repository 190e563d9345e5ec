"""Root test configuration: Qt runs offscreen; no test touches the real user folders."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
