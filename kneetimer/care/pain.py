"""The pain-monitoring model: pain that guides the dose, told calmly.

Physiotherapists judge how much load a knee tolerates by how it answers, not by one
alarm. For knee-cap pain, La Trobe's TREK education (the "pain-monitoring model", from
Silbernagel et al. 2007, Am J Sports Med 35:897) allows pain during exercise up to 5/10
if it settles within about an hour and the knee is not worse the next morning: "the
24-hour response matters more than pain during exercise". Clinics teach it as traffic
lights: 0-2 green (go on), 3-5 amber (keep the dose), 6-10 red (ease or stop that
exercise). kneetimer informs and suggests; it never diagnoses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

GREEN_UP_TO = 2  # 0-2: green (TREK; Silbernagel et al. 2007)
AMBER_UP_TO = 5  # 3-5: amber, keep the dose; 6-10: red, ease or stop that exercise
WORSE_MORNINGS_FOR_ADVICE = 2  # worse the morning after twice running: have it assessed


class Zone(StrEnum):
    """A pain score's traffic light."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


ZONE_WORDS = {Zone.GREEN: "green: fine", Zone.AMBER: "amber: keep the dose", Zone.RED: "red: ease it"}


def zone(pain: int) -> Zone:
    """The zone of a pain score 0-10."""
    if pain <= GREEN_UP_TO:
        return Zone.GREEN
    return Zone.AMBER if pain <= AMBER_UP_TO else Zone.RED


@dataclass(frozen=True)
class Flag:
    """Why a session calls for care: each reason with its number, the red exercises, and
    how strongly (amber: watch it; red: ease that exercise)."""

    reasons: tuple[str, ...]  # in words, with the number: "Clams (left) marked 8/10"
    exercises: tuple[str, ...]  # the exercises (and sides) in the red zone
    level: Zone

    def advice(self) -> str:
        """What to do, said once, with the reason and its number."""
        if self.level is Zone.RED:
            ease = f"ease {_join(self.exercises)}" if self.exercises else "ease the next session"
            return (f"Take care: {_join(self.reasons)}. Pain of 6 or more is in the red zone: {ease} next time "
                    "(fewer reps or a shorter hold), and if it stays there, have the knee assessed by a "
                    "physiotherapist.")
        return (f"Note: {_join(self.reasons)}. Keep the dose as it is until the knee settles; pain up to 5 "
                "that has settled by the next morning is fine.")


def flag_for(pain_after: int | None,
             exercise_pains: Iterable[tuple[str, str | None, int | None]] = (),
             worse_next_day: bool = False) -> Flag | None:
    """The flag of a session, or None. `exercise_pains`: (name, side, pain) per exercise;
    `worse_next_day`: the knee was worse the morning after than before it."""
    reasons: list[str] = []
    red: list[str] = []
    for name, side, pain in exercise_pains:
        if pain is not None and zone(pain) is Zone.RED:
            where = f"{name} ({side})" if side else name
            red.append(where)
            reasons.append(f"{where} marked {pain}/10")
    if pain_after is not None and zone(pain_after) is Zone.RED:
        reasons.append(f"knee pain {pain_after}/10 after the session")
    level = Zone.RED if reasons else Zone.AMBER
    if worse_next_day:
        reasons.append("the knee was worse the morning after")
    return Flag(tuple(reasons), tuple(red), level) if reasons else None


EASE_BY_DEFAULT = "fewer reps or a shorter hold"


def ease_note(pain: int, easier: str) -> str:
    """What a get-ready says before an exercise that was red last time: calm, with the number."""
    return f"Last time this was {pain}/10 (red). Ease it today: {easier or EASE_BY_DEFAULT}."


def worse_mornings_advice(answers_newest_first: Sequence[str | None]) -> str | None:
    """The calm "have it assessed" advice when the knee was worse the morning after the
    last two sessions that were asked about; else None."""
    answered = [answer for answer in answers_newest_first if answer is not None]
    recent = answered[:WORSE_MORNINGS_FOR_ADVICE]
    if len(recent) == WORSE_MORNINGS_FOR_ADVICE and all(answer == "worse" for answer in recent):
        return (f"The knee was worse the morning after your last {WORSE_MORNINGS_FOR_ADVICE} sessions. That means "
                "the load is more than it tolerates for now: please have it assessed by a physiotherapist "
                "before going on.")
    return None


def _join(items: Iterable[str]) -> str:
    listed = list(items)
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
