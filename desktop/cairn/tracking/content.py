"""The learner's and mentors' own curriculum packs: checking, adding, removing, and putting
a pack back (undo and redo). A pack change that does not load completely is taken back."""

from __future__ import annotations

import contextlib
import errno
from pathlib import Path

from .. import packs
from ..content import PackInfo
from ..packs import PACKS_FOLDER
from .reads import ProgressReads
from .values import Change, TrackerError


class Content(ProgressReads):
    """Packs added after the shipped one (loading them is the facade's: `reload_content`)."""

    def own_packs(self) -> list[PackInfo]:
        """Packs added by the learner or a mentor (everything after the shipped pack)."""
        return list(self.curriculum.packs[1:])

    def check_pack(self, folder: Path) -> PackInfo:
        """Validate a pack as it would load beside the shipped and the other added packs.

        Raises ContentError listing every problem; a pack with the id of one already added
        is checked as its replacement."""
        return packs.check_pack(Path(folder), self._shipped(), self.curriculum)

    def add_pack(self, folder: Path) -> Change:
        """Validate, then copy the pack's regular files into the data folder and load it.
        Nothing changes if the pack has a problem, cannot be copied, does not load beside the
        others or progress cannot be re-read (a pack it replaced comes back).

        The Change's `new` is the pack's folder, `old` where a replaced pack is held (or
        None): `swap_pack(new, old)` takes it back."""
        self._writable()
        packs_root = self._data_dir() / PACKS_FOLDER
        try:
            info, target, held = packs.add_pack(
                Path(folder), self._shipped(), self.curriculum, packs_root
            )
        except packs.PackFileError as error:
            raise TrackerError(f"{error}; nothing was added") from None
        except OSError as error:
            detail = error.strerror or str(error)
            if error.errno == errno.ENOSPC:
                detail = f"the disk is full ({detail})"
            raise TrackerError(
                f"the pack could not be copied into {packs_root}: {detail}; nothing was added"
            ) from None
        change = Change("content", (info.id,), str(held) if held else None, str(target))
        self._load_or_take_back(change, "nothing was added", drop=True)
        return change

    def remove_pack(self, pack_id: str) -> Change:
        """Remove an added pack, found by its id or (a disabled pack) its folder name; progress
        on its items stays in the database. The folder is held in <data>/packs-removed (the
        Change's `old`; `new` is the folder) so that `swap_pack(new, old)` puts it back."""
        self._writable()
        folder = packs.find_pack_folder(self._data_dir(), self.curriculum, pack_id)
        if folder is None:
            raise TrackerError(f"there is no added pack '{pack_id}'")
        return self.swap_pack(folder, None, ident=pack_id)

    def swap_pack(self, folder: Path, back: Path | None, *, ident: str = "") -> Change:
        """Hold the pack in `folder` (if any) in <data>/packs-removed and move the held pack
        `back` into its place (if given), then reload: undo and redo of a pack change. The
        Change's `old` is where the displaced pack is held, `new` the folder, so that
        `swap_pack(new, old)` takes this back. On any failure nothing is changed."""
        self._writable()
        folder = Path(folder)
        try:
            held = packs.swap(folder, back, self._data_dir() / packs.REMOVED_FOLDER)
        except OSError as error:
            raise TrackerError(
                f"{error.filename or folder}: {error.strerror or error}; the packs were not changed"
            ) from None
        change = Change(
            "content", (ident or folder.name,), str(held) if held else None, str(folder)
        )
        self._load_or_take_back(change, "the packs were not changed")
        return change

    def _load_or_take_back(self, change: Change, nothing: str, *, drop: bool = False) -> None:
        """Reload the content after the pack change `change`; if that fails, or a pack that
        loaded before is now disabled, put the folders back as they were, reload and raise
        (in words ending with `nothing`). `drop` deletes what was put in place (a new copy)."""
        disabled_before = {d.folder for d in self.disabled_packs}
        folder, held = Path(change.new), Path(change.old) if change.old else None
        try:
            self.reload_content()
            broken = [d for d in self.disabled_packs if d.folder not in disabled_before]
            if broken:
                raise TrackerError(f"{broken[0].notice.rstrip('.')}; {nothing}")
        except BaseException:
            displaced = packs.swap(folder, held, self._data_dir() / packs.REMOVED_FOLDER)
            if drop and displaced is not None:
                packs.remove_folder(displaced)
            with contextlib.suppress(Exception):  # the original error is the one to say
                self.reload_content()
            raise
