"""Typed field access on a TOML table that records a problem instead of raising."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .problems import Problem
from .urls import bad_markdown_links

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64


class Fields:
    """Reads one table's fields; every mistake becomes a Problem with file, id and field."""

    def __init__(
        self,
        table: Any,
        *,
        file: str,
        what: str,
        allowed: set[str],
        problems: list[Problem],
        line_of: Callable[[str], int | None],
    ) -> None:
        self.file = file
        self.what = what
        self.problems = problems
        self._line_of = line_of
        self.ok = isinstance(table, dict)
        self.table: dict[str, Any] = table if isinstance(table, dict) else {}
        raw_id = self.table.get("id")
        self.id = raw_id if isinstance(raw_id, str) else ""
        if not self.ok:
            self.problem("", f"a {what} must be a table, not {type(table).__name__}")
            return
        for key in sorted(set(self.table) - allowed):
            self.problem(key, f"unknown field in a {what} (allowed: {', '.join(sorted(allowed))})")

    def problem(self, field: str, message: str) -> None:
        line = self._line_of(self.id) if self.id else None
        self.problems.append(Problem(self.file, message, self.id, field, line))

    def ident(self, field: str = "id") -> str:
        value = self.table.get(field)
        if value is None:
            self.problem(field, f"a {self.what} needs an id")
            return ""
        if not isinstance(value, str) or not ID_PATTERN.match(value) or len(value) > MAX_ID_LENGTH:
            self.problem(
                field,
                f"'{value}' is not a valid id: lowercase letters, digits and single hyphens, "
                f"starting with a letter, at most {MAX_ID_LENGTH} characters",
            )
            return ""
        return value

    def text(self, field: str, *, required: bool = True, markdown: bool = False) -> str:
        value = self.table.get(field)
        if value is None:
            if required:
                self.problem(field, "is missing")
            return ""
        if not isinstance(value, str):
            self.problem(field, f"must be text, not {type(value).__name__}")
            return ""
        if required and not value.strip():
            self.problem(field, "is empty")
        if markdown:
            for target in bad_markdown_links(value):
                self.problem(field, f"link '{target}' is not allowed: only https and mailto links")
        return value.strip()

    def number(self, field: str, *, minimum: float = 0.0, strict: bool = False) -> float:
        value = self.table.get(field)
        if value is None:
            self.problem(field, "is missing")
            return 0.0
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(field, f"must be a number, not {type(value).__name__}")
            return 0.0
        if value < minimum or (strict and value == minimum):
            relation = "greater than" if strict else "at least"
            self.problem(field, f"must be {relation} {minimum:g}, not {value}")
            return 0.0
        return float(value)

    def integer(self, field: str, *, minimum: int = 1) -> int:
        value = self.table.get(field)
        if value is None:
            self.problem(field, "is missing")
            return 0
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(field, f"must be a whole number, not {value!r}")
            return 0
        if value < minimum:
            self.problem(field, f"must be at least {minimum}, not {value}")
            return 0
        return value

    def choice(self, field: str, options: tuple[str, ...]) -> str:
        value = self.text(field)
        if value and value not in options:
            self.problem(field, f"'{value}' is not one of: {', '.join(options)}")
            return ""
        return value

    def id_list(self, field: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.table.get(field)
        if value is None:
            if required:
                self.problem(field, "is missing")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(field, "must be a list of ids")
            return ()
        if len(set(value)) != len(value):
            self.problem(field, "lists the same id twice")
        return tuple(value)

    def tables(self, field: str) -> list[Any]:
        value = self.table.get(field, [])
        if not isinstance(value, list):
            self.problem(field, "must be an array of tables")
            return []
        return value
