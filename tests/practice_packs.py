"""Practice cards for the small fixture pack, written into a test's copy of it."""

from __future__ import annotations

from pathlib import Path

ANSWER = "A model answer long enough to pass the forty-character minimum of the format."

#: Three recall cards (two on write-hello, one on write-eval) and one drill card for "builder".
CARDS_TOML = f'''
[[card]]
id = "hello-why"
item = "write-hello"
prompt = "Why start with hello world?"
answer = "{ANSWER}"
tags = ["basics"]

[[card]]
id = "hello-print"
item = "write-hello"
prompt = "How do you print a greeting?"
answer = "{ANSWER}"

[[card]]
id = "eval-score"
item = "write-eval"
prompt = "How do you score outputs?"
answer = "{ANSWER}"
tags = ["evals", "scores"]

[[card]]
id = "drill-demo"
item = "demo-start"
kind = "drill"
prompt = "Design the demo's first measurement."
answer = "{ANSWER}"
roles = ["builder"]
rubric = ["Names a metric", "Names a baseline", "Says how often"]
minutes = 3
'''


def write_cards(pack: Path, text: str = CARDS_TOML, name: str = "practice.toml") -> Path:
    """Write `text` as `cards/<name>` in the pack; return the file."""
    folder = pack / "cards"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
