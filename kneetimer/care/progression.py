"""When a routine may be made harder: double progression, by the pain-monitoring model.

Strength programmes add load when the top of the prescription is easy (ACSM 2009,
Progression models in resistance training, Med Sci Sports Exerc 41:687: add load when
1-2 more reps than the target are possible). Here that is read from what the person
recorded: the last 3 sessions of the routine complete, every exercise green (pain 0-2,
care/pain.py), the knee not worse the morning after, and effort at or below 7 of 10
where it was marked. Otherwise one line says what holds it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kneetimer.care.pain import Zone, zone

SESSIONS_NEEDED = 3  # complete sessions in a row before a step up
MAX_EFFORT = 7  # of 10: harder than this, the dose is not yet easy (ACSM 2009)


@dataclass(frozen=True)
class SessionFacts:
    """What the rule needs of one session of the routine."""

    day: date
    complete: bool  # reached its end with every exercise done
    pain_after: int | None
    exercise_pains: tuple[tuple[str, str | None, int], ...]  # (name, side, pain) where marked
    efforts: tuple[tuple[str, str | None, int], ...]  # (name, side, effort) where marked
    worse_next_day: bool


def what_holds_back(newest_first: Sequence[SessionFacts]) -> str | None:
    """None when the next step is earned; else the first reason, in one line with its date."""
    last = list(newest_first[:SESSIONS_NEEDED])
    if len(last) < SESSIONS_NEEDED:
        return f"{SESSIONS_NEEDED - len(last)} more complete sessions first"
    for session in last:
        when = f"{session.day:%d %b}"
        if not session.complete:
            return f"the session of {when} was not complete"
        if session.worse_next_day:
            return f"the knee was worse the morning after {when}"
        if session.pain_after is None:
            return f"knee pain after was not given on {when}"
        if zone(session.pain_after) is not Zone.GREEN:
            return f"knee pain after was {session.pain_after}/10 ({zone(session.pain_after)}) on {when}"
        for name, side, pain in session.exercise_pains:
            if zone(pain) is not Zone.GREEN:
                return f"{_where(name, side)} was {zone(pain)} ({pain}/10) on {when}"
        for name, side, effort in session.efforts:
            if effort > MAX_EFFORT:
                return f"{_where(name, side)} was hard (effort {effort}/10) on {when}"
    return None


def _where(name: str, side: str | None) -> str:
    return f"{side} {name[:1].lower()}{name[1:]}" if side else name
