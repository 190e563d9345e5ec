"""Fuzzy matching for quick open, free of Qt so it can be tested on its own.

A query matches a text when every word of the query is a subsequence of the text (ignoring
case). The score rewards what a reader expects first: the whole text starting with the query,
then a word starting with it, then letters at word starts and letters in a row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SEPARATORS = frozenset(" -_·/.:,()[]'\"")
PREFIX_BONUS = 100  # the text starts with the query
WORD_PREFIX_BONUS = 60  # a word of the text starts with the query
SUBSTRING_BONUS = 30  # the query appears in one piece
WHOLE_WORD_BONUS = 20  # ... as a whole word
FIRST_LETTER = 12  # a letter matched at the very start
WORD_START = 9  # a letter matched at the start of a word
IN_A_ROW = 8  # a letter matched right after the previous one
LETTER = 1
GAP = 2  # each jump over letters that did not match
_NONE = float("-inf")


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something quick open can find: `kind` and `target_id` say what opening it shows;
    `title` is matched (unless `match_title` is False) and shown, `detail` is shown beside
    it, `body` (a note) is matched as plain words only."""

    kind: str
    target_id: str
    title: str
    detail: str = ""
    body: str = ""
    match_title: bool = True


def _word_starts(text: str) -> list[bool]:
    return [i == 0 or text[i - 1] in SEPARATORS for i in range(len(text))]


def subsequence_score(query: str, text: str) -> float | None:
    """The best score of `query` as a subsequence of `text` (both compared lowercase), or None
    when it is not one. Dynamic programming over (query letter, text position)."""
    q, t = query.lower(), text.lower()
    if not q:
        return 0.0
    if len(q) > len(t):
        return None
    starts = _word_starts(t)
    previous: list[float] = [_NONE] * len(t)
    for i, letter in enumerate(q):
        current: list[float] = [_NONE] * len(t)
        best_before = _NONE  # best score of the previous letter at any position < j - 1
        for j, char in enumerate(t):
            if j >= 2 and previous[j - 2] > best_before:
                best_before = previous[j - 2]
            if char != letter:
                continue
            gain = LETTER + (FIRST_LETTER if j == 0 else WORD_START if starts[j] else 0)
            if i == 0:
                current[j] = gain - (GAP if j > 0 else 0)
                continue
            row = previous[j - 1] + IN_A_ROW if j >= 1 and previous[j - 1] > _NONE else _NONE
            jump = best_before - GAP if best_before > _NONE else _NONE
            best = max(row, jump)
            if best > _NONE:
                current[j] = best + gain
        previous = current
    result = max(previous)
    return None if result == _NONE else result


def word_score(word: str, text: str) -> float | None:
    """One query word against a text: its subsequence score plus the prefix bonuses."""
    found = subsequence_score(word, text)
    if found is None:
        return None
    w, t = word.lower(), text.lower()
    if _whole_word(w, t):
        found += WHOLE_WORD_BONUS
    if t.startswith(w):
        found += PREFIX_BONUS
    else:
        at = t.find(w)
        if at >= 0:
            found += WORD_PREFIX_BONUS if _any_word_start(w, t) else 0
            found += SUBSTRING_BONUS
    return found


def _whole_word(word: str, text: str) -> bool:
    """Whether `word` appears in `text` with a separator (or an end) on both sides."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        starts = at == 0 or text[at - 1] in SEPARATORS
        if starts and (end == len(text) or text[end] in SEPARATORS):
            return True
        at = text.find(word, at + 1)
    return False


def _any_word_start(word: str, text: str) -> bool:
    starts = _word_starts(text)
    at = text.find(word)
    while at >= 0:
        if starts[at]:
            return True
        at = text.find(word, at + 1)
    return False


def score(query: str, text: str) -> float | None:
    """`query` against `text`: every word must match (None otherwise); the words add up."""
    words = query.split()
    if not words:
        return None
    total = 0.0
    for word in words:
        found = word_score(word, text)
        if found is None:
            return None
        total += found
    return total


def body_score(query: str, body: str) -> float | None:
    """A note's text matches when it holds every word of the query as written (a long text
    would match almost any letters as a subsequence); it ranks below a title match."""
    words = query.lower().split()
    text = body.lower()
    if not words or not all(word in text for word in words):
        return None
    return float(sum(len(word) for word in words))


def candidate_score(query: str, candidate: Candidate) -> float | None:
    """The better of the title's fuzzy score and the note text's plain-word score."""
    title = score(query, candidate.title) if candidate.match_title else None
    body = body_score(query, candidate.body) if candidate.body else None
    found = [s for s in (title, body) if s is not None]
    return max(found) if found else None


def search(query: str, candidates: Iterable[Candidate], limit: int = 50) -> list[Candidate]:
    """The candidates matching `query`, best first (shorter titles first on a tie)."""
    scored: list[tuple[float, int, str, Candidate]] = []
    for candidate in candidates:
        found = candidate_score(query, candidate)
        if found is not None:
            scored.append((-found, len(candidate.title), candidate.title, candidate))
    scored.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in scored[:limit]]


def snippet(body: str, query: str, width: int = 60) -> str:
    """A short piece of a note around the first query word, on one line."""
    flat = " ".join(body.split())
    words: Sequence[str] = query.lower().split()
    at = flat.lower().find(words[0]) if words else -1
    start = max(0, at - width // 3) if at >= 0 else 0
    piece = flat[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")
