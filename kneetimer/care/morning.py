"""The next-morning check: how the knee is the day after a session.

"The 24-hour response matters more than pain during exercise" (Silbernagel et al. 2007,
Am J Sports Med 35:897; La Trobe's TREK education for knee-cap pain): a knee worse the
next morning than before the session had more load than it tolerates. So the first time
kneetimer opens on a later day, it asks once about the latest session: better, same or
worse than before it. Not asked when that session is more than 2 days old (memory fades),
and never twice (a skipped question counts as asked).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

LATEST_DAYS = 2  # a session at most this many days ago is asked about
SKIPPED = "skipped"  # stored when the question was put and not answered: never asked again


@dataclass(frozen=True)
class Candidate:
    """A session that may be asked about: its id, its local day, and its answer if any."""

    session_id: int
    day: date
    answer: str | None  # "better", "same", "worse", "skipped", or None: never asked


def question_due(today: date, newest_first: Sequence[Candidate]) -> Candidate | None:
    """The session to ask about this morning, if any: the latest session with something
    done, from yesterday or the day before, not asked yet."""
    if not newest_first:
        return None
    latest = newest_first[0]
    if latest.day >= today or (today - latest.day).days > LATEST_DAYS or latest.answer is not None:
        return None
    return latest


def question(day: date, today: date) -> str:
    """The question, with the day named as a person would."""
    when = "yesterday's session" if (today - day).days == 1 else f"the session of {day:%A}"
    return f"How is the knee this morning, compared with before {when}?"
