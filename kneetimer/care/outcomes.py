"""Outcome measures: whether the programme is working, as a physiotherapist measures it.

At the start of a plan and every 2 weeks: usual and worst knee pain over the last week
(0-10, a numeric pain rating scale) and the Patient-Specific Functional Scale (PSFS: up
to 3 activities the person names once, each scored 0-10, 10 = as before the problem).
A change is marked only when it is at least the minimal detectable change, the smallest
beyond measurement error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

PSFS_MDC = 2.0  # average PSFS points (Stratford et al. 1995, Physiother Can 47:258; Horn et al. 2012, JOSPT 42:30)
PAIN_MDC = 2  # points on a 0-10 pain scale (Childs et al. 2005, Spine 30:1331)
EVERY_DAYS = 14  # a check-in every 2 weeks of a plan
MAX_ACTIVITIES = 3  # the PSFS asks for up to 3


@dataclass(frozen=True)
class Checkin:
    """One check-in: pain over the last week and the PSFS scores."""

    day: date
    usual_pain: int | None
    worst_pain: int | None
    activities: tuple[tuple[str, int], ...]  # (activity, 0-10)

    @property
    def psfs(self) -> float | None:
        """The PSFS average, or None without activities."""
        if not self.activities:
            return None
        return sum(score for _, score in self.activities) / len(self.activities)


@dataclass(frozen=True)
class Change:
    """A measure from the first check-in to the latest, and whether the change is real."""

    measure: str
    first: float
    latest: float
    beyond_error: bool  # at least the minimal detectable change
    better: bool  # the direction that means the knee is better

    def words(self) -> str:
        arrow = f"{self.first:g} → {self.latest:g}"
        if not self.beyond_error:
            return f"{self.measure}: {arrow} (within measurement error)"
        return f"{self.measure}: {arrow} ({'better' if self.better else 'worse'}, beyond measurement error)"


def changes(checkins: Sequence[Checkin]) -> list[Change]:
    """From the first check-in to the latest (oldest first)."""
    if len(checkins) < 2:
        return []
    first, latest = checkins[0], checkins[-1]
    found: list[Change] = []
    for measure, before, after in (("usual pain", first.usual_pain, latest.usual_pain),
                                   ("worst pain", first.worst_pain, latest.worst_pain)):
        if before is not None and after is not None:
            found.append(Change(measure, before, after, abs(after - before) >= PAIN_MDC, after < before))
    if first.psfs is not None and latest.psfs is not None:
        found.append(Change("PSFS average", round(first.psfs, 1), round(latest.psfs, 1),
                            abs(latest.psfs - first.psfs) >= PSFS_MDC, latest.psfs > first.psfs))
    return found


def checkin_due(today: date, plan_start: date | None, last: date | None) -> bool:
    """A check-in is offered at the start of a plan and every 2 weeks after."""
    if plan_start is None or today < plan_start:
        return False
    return last is None or last < plan_start or (today - last) >= timedelta(days=EVERY_DAYS)
