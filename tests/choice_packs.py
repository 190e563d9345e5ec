"""A small pack with one elective (a choice group of three options), written into a test's
folder so each test can break or extend its own copy.

Month 1 (week 1) holds two core items (1.5 h and 2 h). Month 2 holds week 2 (one core item of 1 h
and the first item of each option) and week 3 (the rest of the options). The choice
'specialisation' is due in week 2 and offers:

- 'spec-evals' "Evals": 2 items, 2 h — the cheapest, so an open choice counts as it;
- 'spec-agents' "Agents": 3 items, 4 h;
- 'spec-serving' "Serving": 2 items, 6 h — the heaviest, which week limits count.
"""

from __future__ import annotations

from pathlib import Path

GROUP = "specialisation"
EVALS, AGENTS, SERVING = "spec-evals", "spec-agents", "spec-serving"
CORE = ("core-setup", "core-read", "core-plan")
OPTION_ITEMS = {
    EVALS: ("evals-golden-set", "evals-judge"),
    AGENTS: ("agents-loop", "agents-tools", "agents-trace"),
    SERVING: ("serving-vllm", "serving-quantise"),
}

PACK = """\
[pack]
id = "electives"
name = "A pack with one elective"
version = "1"
description = "Three weeks, one choice of three specialisations."
{pack_extra}

[[skill]]
id = "coding"
name = "Coding"
description = "Writing programs."

[[skill]]
id = "evals"
name = "Evaluation"
description = "Measuring systems."

[[reading]]
id = "guide"
title = "The guide"
author = "Someone"
kind = "docs"
url = "https://example.org/guide"
estimate_hours = 1

[[reading]]
id = "paper"
title = "The paper"
author = "Someone Else"
kind = "paper"
url = "https://example.org/paper"
estimate_hours = 1

[[reading]]
id = "book"
title = "The book"
author = "A Writer"
kind = "book"
url = "https://example.org/book"
estimate_hours = 30

[[role]]
id = "builder"
name = "Builder"
summary = "Builds things."
market_note = "In demand, says one made-up survey."
area = [{ skill = "coding", weight = 50 }, { skill = "evals", weight = 50 }]
"""

MONTH_1 = """\
[month]
id = "m1"
number = 1
title = "Basics"
summary = "The basics."

[[week]]
id = "w01"
number = 1
title = "Set up"
summary = "Get going."

[[week.item]]
id = "core-setup"
kind = "task"
title = "Set up a project"
description = "A repository with tests."
estimate_hours = 1.5
skills = ["coding"]
readings = ["guide"]

[[week.item]]
id = "core-read"
kind = "topic"
title = "Read the paper"
description = "Read it all."
estimate_hours = 2
skills = ["evals"]
readings = ["paper"]
optional_readings = ["book"]
"""

MONTH_2 = """\
[month]
id = "m2"
number = 2
title = "Specialise"
summary = "Choose one specialisation."

[[week]]
id = "w02"
number = 2
title = "Choose"
summary = "Plan, then start the specialisation."

[[week.item]]
id = "core-plan"
kind = "check"
title = "Plan your specialisation"
description = "Say which one and why."
estimate_hours = 1
skills = ["coding"]
readings = []
requires = ["core-setup"]

[[week.item]]
id = "evals-golden-set"
kind = "task"
title = "Build a golden set"
description = "Fifty labelled cases."
estimate_hours = 1
skills = ["evals"]
readings = ["paper"]

[[week.item]]
id = "agents-loop"
kind = "task"
title = "Write an agent loop"
description = "By hand."
estimate_hours = 2
skills = ["coding"]
readings = ["guide"]

[[week.item]]
id = "serving-vllm"
kind = "task"
title = "Serve a model with vLLM"
description = "Measure tokens per second."
estimate_hours = 3
skills = ["coding"]
readings = ["guide"]

[[week]]
id = "w03"
number = 3
title = "Specialise"
summary = "Finish the specialisation."

[[week.item]]
id = "evals-judge"
kind = "task"
title = "Calibrate a judge"
description = "Agreement with your labels."
estimate_hours = 1
skills = ["evals"]
readings = ["paper"]
requires = ["evals-golden-set"]

[[week.item]]
id = "agents-tools"
kind = "task"
title = "Give the agent tools"
description = "Two tools."
estimate_hours = 1
skills = ["coding"]
readings = ["guide"]
requires = ["agents-loop"]

[[week.item]]
id = "agents-trace"
kind = "task"
title = "Trace the agent"
description = "Every step logged."
estimate_hours = 1
skills = ["evals"]
readings = ["paper"]

[[week.item]]
id = "serving-quantise"
kind = "task"
title = "Quantise the model"
description = "Compare quality and speed."
estimate_hours = 3
skills = ["coding"]
readings = ["guide"]

[[choice]]
id = "specialisation"
title = "Choose one specialisation"
summary = "Keep one; the others leave every total."
choose = 1
week = "w02"

[[choice.option]]
id = "spec-evals"
title = "Evals"
items = ["evals-golden-set", "evals-judge"]

[[choice.option]]
id = "spec-agents"
title = "Agents"
items = ["agents-loop", "agents-tools", "agents-trace"]

[[choice.option]]
id = "spec-serving"
title = "Serving"
items = ["serving-vllm", "serving-quantise"]
"""

MONTH_1_FILE = "months/01-basics.toml"
MONTH_2_FILE = "months/02-specialise.toml"


def write_choice_pack(folder: Path, *, max_week_hours: float | None = None) -> Path:
    """Write the pack into `folder` (created) and return it."""
    extra = f"max_week_hours = {max_week_hours:g}" if max_week_hours is not None else ""
    (folder / "months").mkdir(parents=True)
    (folder / "pack.toml").write_text(PACK.replace("{pack_extra}", extra), encoding="utf-8")
    (folder / MONTH_1_FILE).write_text(MONTH_1, encoding="utf-8")
    (folder / MONTH_2_FILE).write_text(MONTH_2, encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a pack file (the text must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"pack text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
