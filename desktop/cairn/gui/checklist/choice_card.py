"""A choice group (an elective) as one card above the checklist: its options with their items
and hours, which one counts, and a Choose button (the choice is an undoable operation)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...content import ChoiceGroup, Curriculum


def option_line(curriculum: Curriculum, group: ChoiceGroup, option_id: str) -> str:
    """ "Evals — 4 items, 15 h" for an option."""
    option = group.option(option_id)
    if option is None:
        return option_id
    count = len(option.item_ids)
    hours = curriculum.option_hours(option)
    text = (
        QCoreApplication.translate("Choices", "{title} — 1 item, {hours} h")
        if count == 1
        else QCoreApplication.translate("Choices", "{title} — {count} items, {hours} h")
    )
    return text.format(title=option.title, count=count, hours=f"{hours:g}")


def choice_state(curriculum: Curriculum, group: ChoiceGroup, chosen: Sequence[str]) -> str:
    """What counts now, in words."""
    counted = curriculum.counted_options(group, chosen)
    names = ", ".join(o.title for o in counted)
    if chosen:
        return QCoreApplication.translate(
            "Choices",
            "Chosen: {names}. The other options leave every total; their progress is kept.",
        ).format(names=names)
    text = (
        QCoreApplication.translate(
            "Choices",
            "Choose one option. Until you do, the cheapest ({names}) counts in your totals "
            "and plan.",
        )
        if group.choose == 1
        else QCoreApplication.translate(
            "Choices",
            "Choose {count} options. Until you do, the cheapest ({names}) count in your totals "
            "and plan.",
        )
    )
    return text.format(count=group.choose, names=names)


class ChoiceCard(QFrame):
    """One choice group: a radio button per option and a Choose button."""

    choose_requested = Signal(str, str)  # group id, option id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChoiceCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.group_id = ""
        self.title = QLabel("")
        self.title.setObjectName("ChoiceTitle")
        self.title.setWordWrap(True)
        self.state = QLabel("")
        self.state.setObjectName("DetailMeta")
        self.state.setWordWrap(True)
        self.options = QVBoxLayout()
        self.buttons = QButtonGroup(self)
        self.buttons.idToggled.connect(lambda _id, _on: self._enable())
        self.choose = QPushButton(self.tr("Choose"))
        self.choose.setToolTip(
            self.tr("Count this option (undo with Ctrl+Z); progress on every option is kept")
        )
        self.choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addLayout(self.options)
        layout.addLayout(row)
        self._chosen: tuple[str, ...] = ()
        self.option_ids: list[str] = []

    def show_group(self, curriculum: Curriculum, group: ChoiceGroup, chosen: Sequence[str]) -> None:
        """Show `group` with `chosen` selected (the cheapest pre-selected while it is open)."""
        self.group_id = group.id
        self._chosen = tuple(chosen)
        self.title.setText(
            self.tr("{title} (week {week})").format(
                title=group.title, week=self._week(curriculum, group)
            )
        )
        self.title.setToolTip(group.summary)
        self.setAccessibleName(group.title)
        ids = [o.id for o in group.options]
        if ids != self.option_ids:
            self._rebuild(curriculum, group)
        counted = {o.id for o in curriculum.counted_options(group, chosen)}
        for index, option in enumerate(group.options):
            button = self.buttons.button(index)
            mark = self.tr(" ✔ chosen") if option.id in chosen else ""
            button.setText(option_line(curriculum, group, option.id) + mark)
            if option.id in counted:
                button.setChecked(True)
        self.state.setText(choice_state(curriculum, group, chosen))
        self._enable()

    def _week(self, curriculum: Curriculum, group: ChoiceGroup) -> str:
        week = curriculum.weeks.get(group.week_id)
        return str(week.number) if week else "?"

    def _rebuild(self, curriculum: Curriculum, group: ChoiceGroup) -> None:
        for button in self.buttons.buttons():
            self.buttons.removeButton(button)
            button.deleteLater()
        for index, option in enumerate(group.options):
            button = QRadioButton(option_line(curriculum, group, option.id))
            button.setToolTip(option.summary or option.title)
            self.buttons.addButton(button, index)
            self.options.addWidget(button)
        self.option_ids = [o.id for o in group.options]

    def selected_option(self) -> str:
        index = self.buttons.checkedId()
        return self.option_ids[index] if 0 <= index < len(self.option_ids) else ""

    def _enable(self) -> None:
        picked = self.selected_option()
        self.choose.setEnabled(bool(picked) and (picked,) != self._chosen)

    def _choose(self) -> None:
        picked = self.selected_option()
        if picked:
            self.choose_requested.emit(self.group_id, picked)


class ChoiceCards(QWidget):
    """The cards of the choice groups on the page in view (hidden when there are none)."""

    choose_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[ChoiceCard] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 6)
        self.setVisible(False)

    def show_groups(
        self,
        curriculum: Curriculum,
        groups: Sequence[ChoiceGroup],
        chosen: dict[str, tuple[str, ...]],
    ) -> None:
        while len(self.cards) < len(groups):
            card = ChoiceCard()
            card.choose_requested.connect(self.choose_requested)
            self._layout.addWidget(card)
            self.cards.append(card)
        for card, group in zip(self.cards, groups, strict=False):
            card.show_group(curriculum, group, chosen.get(group.id, ()))
        for index, card in enumerate(self.cards):
            card.setVisible(index < len(groups))
        self.setVisible(bool(groups))
