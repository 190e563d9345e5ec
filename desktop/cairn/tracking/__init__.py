"""The parts `cairn.tracker.Tracker` is built from, one job each.

`values` holds what every part hands back (Change, TrackerError, TimerStep); `state` the
tracker's fields and its smallest shared helpers; `reads` progress as last read; `changes` the
learner's edits; `study` sessions, the timer and the plan; `safety` backups, checks and restores;
`content` the learner's own packs; `importing` merging an export. Only `cairn.tracker` imports
this package: everything else names the tracker's values through `cairn.tracker`.
"""
