"""Asking before a timed session is saved: one under a minute (keep 1 minute or discard), and
one that ran more than 3 hours or was left running across a restart or an idle gap (save it
all, save up to a time the learner chooses, or discard)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LONG_SECONDS = 3 * 3600  # a run longer than this is asked about before it is saved
SHORT_SECONDS = 60  # a run shorter than this is asked about (not silently dropped)


def duration_text(minutes: int) -> str:
    """Minutes as "3 h 10 min", "3 h" or "45 min"."""
    hours, rest = divmod(max(0, minutes), 60)
    if hours and rest:
        return QCoreApplication.translate("StopPrompt", "{hours} h {minutes} min").format(
            hours=hours, minutes=rest
        )
    if hours:
        return QCoreApplication.translate("StopPrompt", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("StopPrompt", "{minutes} min").format(minutes=rest)


def qt_moment(moment: datetime) -> QDateTime:
    """A naive local datetime as a QDateTime (to the minute)."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


class Answer(Enum):
    """What the learner chose; `minutes` on the prompt says how much to keep."""

    SAVE = "save"
    DISCARD = "discard"


class StopPrompt(QDialog):
    """Ask how much of a timed session to save. `answer` and `minutes` hold the choice once
    `accepted` is emitted; rejecting (Escape, "Keep timing") leaves the timer running."""

    def __init__(self, seconds: float, started: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.seconds = seconds
        self.started = started  # local, naive
        self.answer: Answer | None = None
        self.minutes = 0
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(360)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.extra = QHBoxLayout()
        layout.addLayout(self.extra)
        layout.addLayout(self.buttons)
        self.buttons.addStretch(1)  # the answers go before it, "Keep timing" after it
        self.keep_timing = self._button(
            QCoreApplication.translate("StopPrompt", "Keep timing"),
            QCoreApplication.translate("StopPrompt", "Close and keep the timer"),
        )
        self.buttons.addWidget(self.keep_timing)
        self.keep_timing.clicked.connect(self.reject)

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setAutoDefault(False)
        if self.buttons.count() > 1:  # an answer: before the stretch and "Keep timing"
            self.buttons.insertWidget(self.buttons.count() - 2, button)
        return button

    def _choose(self, answer: Answer, minutes: int = 0) -> None:
        self.answer = answer
        self.minutes = minutes
        self.accept()


class ShortSessionPrompt(StopPrompt):
    """A session under a minute: keep it as 1 minute, or discard it."""

    def __init__(self, seconds: float, started: datetime, parent: QWidget | None = None) -> None:
        super().__init__(seconds, started, parent)
        self.setWindowTitle(QCoreApplication.translate("StopPrompt", "A short session"))
        self.text.setText(
            QCoreApplication.translate(
                "StopPrompt",
                "You timed less than a minute ({seconds} s). Keep it as 1 minute of study, "
                "or discard it?",
            ).format(seconds=int(seconds))
        )
        self.keep = self._button(
            QCoreApplication.translate("StopPrompt", "&Keep 1 minute"),
            QCoreApplication.translate("StopPrompt", "Save a 1-minute session"),
        )
        self.discard = self._button(
            QCoreApplication.translate("StopPrompt", "&Discard"),
            QCoreApplication.translate("StopPrompt", "Throw the timed session away"),
        )
        self.keep.clicked.connect(lambda: self._choose(Answer.SAVE, 1))
        self.discard.clicked.connect(lambda: self._choose(Answer.DISCARD))
        self.keep.setDefault(True)
        self.keep.setFocus()


class LongSessionPrompt(StopPrompt):
    """A long or forgotten timer: save all of it, save up to a chosen time, or discard."""

    def __init__(
        self,
        seconds: float,
        started: datetime,
        parent: QWidget | None = None,
        *,
        forgotten: bool = False,
    ) -> None:
        super().__init__(seconds, started, parent)
        self.setWindowTitle(QCoreApplication.translate("StopPrompt", "Save this session?"))
        total = max(1, round(seconds / 60))
        self.total = total
        why = (
            QCoreApplication.translate(
                "StopPrompt",
                "The timer was left running while Cairn was closed or the computer was idle.",
            )
            if forgotten
            else QCoreApplication.translate("StopPrompt", "That is a long session.")
        )
        self.text.setText(
            QCoreApplication.translate(
                "StopPrompt",
                "You started at {time} — {length} ago. {why} Save {length}, save up to a "
                "time you choose, or discard it?",
            ).format(time=f"{started:%H:%M}", length=duration_text(total), why=why)
        )
        until_label = QLabel(QCoreApplication.translate("StopPrompt", "Studied &until"))
        self.until = QDateTimeEdit(
            qt_moment(started + timedelta(minutes=min(total, LONG_SECONDS // 60)))
        )
        self.until.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.until.setMinimumDateTime(qt_moment(started + timedelta(minutes=1)))
        self.until.setMaximumDateTime(qt_moment(started + timedelta(minutes=total)))
        self.until.setAccessibleName(QCoreApplication.translate("StopPrompt", "Studied until"))
        until_label.setBuddy(self.until)
        self.extra.addWidget(until_label)
        self.extra.addWidget(self.until, 1)
        self.save_all = self._button(
            QCoreApplication.translate("StopPrompt", "Save {length}").format(
                length=duration_text(total)
            ),
            QCoreApplication.translate("StopPrompt", "Save the whole session"),
        )
        self.save_until = self._button(
            QCoreApplication.translate("StopPrompt", "&Save up to then"),
            QCoreApplication.translate("StopPrompt", "Save until the time chosen"),
        )
        self.discard = self._button(
            QCoreApplication.translate("StopPrompt", "&Discard"),
            QCoreApplication.translate("StopPrompt", "Throw the timed session away"),
        )
        self.save_all.clicked.connect(lambda: self._choose(Answer.SAVE, total))
        self.save_until.clicked.connect(lambda: self._choose(Answer.SAVE, self.minutes_until()))
        self.discard.clicked.connect(lambda: self._choose(Answer.DISCARD))
        self.save_until.setDefault(True)
        self.setTabOrder(self.until, self.save_all)

    def minutes_until(self) -> int:
        """Minutes from the start to the time chosen in "Studied until" (at least 1)."""
        chosen = self.until.dateTime().toPython()
        if not isinstance(chosen, datetime):
            return 1
        start = self.started.replace(second=0, microsecond=0)
        return max(1, min(self.total, round((chosen - start).total_seconds() / 60)))


def local_start(started_utc: datetime) -> datetime:
    """A stored moment (naive UTC) as naive local time, for the prompt."""
    return started_utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
