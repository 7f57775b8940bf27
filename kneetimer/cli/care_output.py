"""`kneetimer plan` and `kneetimer checkin`: the programme's block and its outcome
measures, from the command line (and from a script: `checkin --morning worse`)."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from kneetimer import paths
from kneetimer.care.morning import LATEST_DAYS, question_due
from kneetimer.care.outcomes import MAX_ACTIVITIES, Checkin, changes
from kneetimer.care.pain import WORSE_MORNINGS_FOR_ADVICE, worse_mornings_advice
from kneetimer.care.plan import DAY_WORDS, Plan, PlanError, clear_plan, load_plan, parse_days, parse_time, save_plan
from kneetimer.dates import now_local
from kneetimer.history.stats import done_days
from kneetimer.history.store import HistoryStore, HistoryUnavailable

EXIT_OK, EXIT_BAD_INPUT = 0, 1


def plan_facts(plan: Plan, store: HistoryStore | None, today: date) -> dict[str, object]:
    """The plan and where the person is in it: the shape of `plan --json`."""
    monday = today - timedelta(days=today.weekday())
    days = done_days(store, monday, today) if store is not None else []
    done_today = today in days
    upcoming = plan.next_day(today, done_today)
    return {
        "routine": plan.routine_id,
        "days": [DAY_WORDS[day].lower() for day in plan.days],
        "weeks": plan.weeks,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "time": None if plan.remind_at is None else f"{plan.remind_at:%H:%M}",
        "week": plan.week_number(today) if today >= plan.start else 0,
        "done_this_week": len(days),
        "planned_this_week": len(plan.days),
        "next": None if upcoming is None else upcoming.isoformat(),
        "ended": plan.ended(today),
        "line": plan.summary_line(today, len(days), done_today),
    }


def show_plan(as_json: bool) -> int:
    try:
        plan = load_plan()
    except PlanError as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if plan is None:
        if as_json:
            print("null")
        else:
            print("No plan yet. Set one with `kneetimer plan set ROUTINE` (3 days a week for 6 weeks).")
        return EXIT_OK
    facts = plan_facts(plan, _reader(), now_local().date())
    if as_json:
        print(json.dumps(facts, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{plan.routine_id}: {', '.join(DAY_WORDS[d] for d in plan.days)} for {plan.weeks} weeks, "
          f"{plan.start:%a %d %b} to {plan.end:%a %d %b %Y}"
          + (f", reminded at {facts['time']}" if facts["time"] else ""))
    print(facts["line"])
    return EXIT_OK


def set_plan(routine: str, days: str | None, weeks: int, start: str | None, at: str | None) -> int:
    from kneetimer.cli.commands import find_routine

    entry = find_routine(routine)
    if entry is None:
        return EXIT_BAD_INPUT
    try:
        plan = Plan(entry.id, weeks=weeks, start=date.fromisoformat(start) if start else now_local().date())
        if days:
            plan = replace(plan, days=parse_days(days))
        if at:
            plan = replace(plan, remind_at=parse_time(at))
        path = save_plan(plan)
    except ValueError as error:  # PlanError, or a start that is not YYYY-MM-DD
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"kneetimer: cannot save the plan: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Saved {path}: {entry.id} on {', '.join(DAY_WORDS[d] for d in plan.days)} for {plan.weeks} weeks, "
          f"from {plan.start:%a %d %b} to {plan.end:%a %d %b}.")
    print("Reminders from your own system: `kneetimer remind install`; for a phone calendar: `kneetimer remind ics`.")
    return EXIT_OK


def forget_plan() -> int:
    print("Plan cleared." if clear_plan() else "There was no plan.")
    return EXIT_OK


def checkin(as_json: bool, morning: str | None) -> int:
    """Outcome measures, or (with `morning`) the next-morning answer."""
    try:
        store = HistoryStore.open(_data_dir())
    except HistoryUnavailable as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    today = now_local().date()
    if morning is not None:
        return _answer_morning(store, today, morning)
    if as_json:
        return _checkins_json(store)
    if not sys.stdin.isatty():
        print("kneetimer: a check-in asks questions: run it in a terminal (or use --json to read them).",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    due = question_due(today, store.morning_candidates(today - timedelta(days=LATEST_DAYS)))
    if due is not None:
        answer = _ask("How is the knee this morning, compared with before the last session? "
                      "[b]etter, [s]ame, [w]orse, Enter: skip: ", {"b": "better", "s": "same", "w": "worse"})
        store.set_next_day(due.session_id, answer or "skipped")
    return _ask_measures(store, today)


def _answer_morning(store: HistoryStore, today: date, answer: str) -> int:
    candidates = store.morning_candidates(today - timedelta(days=LATEST_DAYS))
    recent = [c for c in candidates if c.day < today]
    if not recent:
        print("kneetimer: no session yesterday or the day before to answer about.", file=sys.stderr)
        return EXIT_BAD_INPUT
    store.set_next_day(recent[0].session_id, answer)
    print(f"Saved: {answer} the morning after the session of {recent[0].day:%a %d %b}.")
    advice = worse_mornings_advice(store.recent_next_days(WORSE_MORNINGS_FOR_ADVICE))
    if answer == "worse" and advice:
        print(advice)
    return EXIT_OK


def _checkins_json(store: HistoryStore) -> int:
    found = store.checkins()
    print(json.dumps({
        "checkins": [{"day": c.day.isoformat(), "usual_pain": c.usual_pain, "worst_pain": c.worst_pain,
                      "psfs": [{"activity": name, "score": score} for name, score in c.activities],
                      "psfs_average": None if c.psfs is None else round(c.psfs, 2)} for c in found],
        "changes": [{"measure": change.measure, "first": change.first, "latest": change.latest,
                     "beyond_measurement_error": change.beyond_error, "better": change.better}
                    for change in changes(found)],
    }, indent=2, ensure_ascii=False))
    return EXIT_OK


def _ask_measures(store: HistoryStore, today: date) -> int:
    previous = store.checkins()
    named = [name for name, _ in previous[-1].activities] if previous else []
    usual = _score("Knee pain over the last week, usually (0 none - 10 worst; Enter: skip): ")
    worst = _score("... and at its worst (0-10; Enter: skip): ")
    if not named:
        print(f"Name up to {MAX_ACTIVITIES} activities the knee makes hard for you (running, stairs, squatting...);"
              " Enter when done.")
        for number in range(1, MAX_ACTIVITIES + 1):
            name = input(f"  activity {number}: ").strip()
            if not name:
                break
            named.append(name[:60])
    scores = []
    for name in named:
        score = _score(f"How well can you do '{name}' now? (0 unable - 10 as before; Enter: skip): ")
        if score is not None:
            scores.append((name, score))
    result = Checkin(today, usual, worst, tuple(scores))
    store.add_checkin(result, now_local())
    print("Saved.")
    for change in changes([*previous, result]):
        print(" ", change.words())
    return EXIT_OK


def _score(prompt: str) -> int | None:
    while True:
        text = input(prompt).strip()
        if not text:
            return None
        if text.isdigit() and 0 <= int(text) <= 10:
            return int(text)
        print("  a whole number from 0 to 10, please")


def _ask(prompt: str, keys: dict[str, str]) -> str | None:
    while True:
        text = input(prompt).strip().lower()[:1]
        if not text:
            return None
        if text in keys:
            return keys[text]


def _reader() -> HistoryStore | None:
    try:
        return HistoryStore.open_for_reading(_data_dir())
    except HistoryUnavailable:
        return None


def _data_dir() -> Path:
    return paths.data_dir()
