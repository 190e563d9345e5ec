"""What every reader of an incoming file shares: the refusal, typed access to its fields with
messages naming them, and the time key for matching.

Kept apart so the export reader, the identity checks and the feedback reader can all use it
without importing one another in a circle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from ..content.fields import ID_PATTERN, MAX_ID_LENGTH
from ..validation import InvalidInput, check_text, parse_time

T = TypeVar("T")


class ImportRefused(ValueError):
    """The file cannot be imported; the message names the file and the field."""


def refuse(path: Path, problem: str) -> ImportRefused:
    return ImportRefused(f"{path}: {problem}; nothing was imported")


def to_second(moment: datetime) -> datetime:
    """The matching key for a time: older exports rounded times down to the second."""
    return moment.replace(microsecond=0)


class FieldReader:
    """Typed access with messages that name the file and the field."""

    def __init__(self, path: Path, now: datetime) -> None:
        self.path = path
        self.now = now
        self._times: dict[str, datetime] = {}

    def fail(self, where: str, message: str) -> ImportRefused:
        return refuse(self.path, f"field '{where}': {message}")

    def checked(self, check: Callable[..., T], value: Any, where: str, **options: Any) -> T:
        """Run a `cairn.validation` check, turning its refusal into this file's message."""
        try:
            return check(value, field=where, **options)
        except InvalidInput as error:
            raise self.fail(where, error.problem) from None

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be an object, not {type(value).__name__}")
        return value

    def array(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, f"must be a list, not {type(value).__name__}")
        return value

    def text(self, value: Any, where: str, *, limit: int = 10_000, empty: bool = True) -> str:
        if value is None and empty:
            return ""
        text = self.checked(check_text, value, where, limit=limit)
        if not empty and not text.strip():
            raise self.fail(where, "is empty")
        return text

    def ident(self, value: Any, where: str) -> str:
        if isinstance(value, str) and len(value) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(value):
            return value
        text = self.text(value, where, limit=MAX_ID_LENGTH, empty=False)
        if not ID_PATTERN.fullmatch(text):
            raise self.fail(where, f"{text!r} is not a valid id")
        return text

    def choice(self, value: Any, where: str, options: tuple[str, ...]) -> str:
        if isinstance(value, str) and value in options:
            return value
        text = self.text(value, where, limit=32, empty=False)
        if text not in options:
            raise self.fail(where, f"{text!r} is not one of: {', '.join(options)}")
        return text

    def time(self, value: Any, where: str) -> datetime:
        """An ISO time, converted to naive UTC; not before 2000, not more than a day ahead."""
        if isinstance(value, str) and value in self._times:
            return self._times[value]
        moment = self.checked(parse_time, value, where, now=self.now)
        self._times[value] = moment
        return moment

    def unique(self, ident: str, seen: set[str], where: str) -> str:
        if ident in seen:
            raise self.fail(where, f"{ident!r} appears twice")
        seen.add(ident)
        return ident
