"""When a session's pain calls for care: a calm flag, never an alarm.

A session is flagged when knee pain after it is 7 or more, when it rose by 3 or more
from before to after, or when any exercise was marked 7 or more. The advice is the
same the sources give: stop that exercise, and have the knee assessed by a physical
therapist or sports-medicine professional.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

HIGH_PAIN = 7
PAIN_RISE = 3


@dataclass(frozen=True)
class Flag:
    """Why a session's knee pain calls for care, and the exercises marked painful."""

    reasons: tuple[str, ...]  # in words: "knee pain 8/10 after"
    exercises: tuple[str, ...]  # the exercises (and sides) marked 7 or more

    def advice(self) -> str:
        stop = f"Stop {_join(self.exercises)} for now" if self.exercises else "Ease off for now"
        return (f"Take care: {_join(self.reasons)}. {stop}, and have the knee assessed by a physical "
                f"therapist or sports-medicine professional before you go on.")


def flag_for(pain_before: int | None, pain_after: int | None,
             exercise_pains: Iterable[tuple[str, str | None, int | None]] = ()) -> Flag | None:
    """The flag of a session, or None. `exercise_pains`: (name, side, pain) per exercise."""
    reasons = []
    if pain_after is not None and pain_after >= HIGH_PAIN:
        reasons.append(f"knee pain {pain_after}/10 after the session")
    if pain_before is not None and pain_after is not None and pain_after - pain_before >= PAIN_RISE:
        reasons.append(f"pain rose from {pain_before} to {pain_after}")
    marked = [f"{name} ({side})" if side else name for name, side, pain in exercise_pains
              if pain is not None and pain >= HIGH_PAIN]
    if marked:
        reasons.append(f"{_join(marked)} marked {HIGH_PAIN}/10 or more")
    return Flag(tuple(reasons), tuple(marked)) if reasons else None


def _join(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
