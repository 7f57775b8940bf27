"""The programme's block, its outcome measures and the next-morning check, as rules
(care/) and from the command line."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from kneetimer.care.morning import Candidate, question_due
from kneetimer.care.outcomes import Checkin, changes, checkin_due
from kneetimer.care.pain import Zone, flag_for, worse_mornings_advice, zone
from kneetimer.care.plan import Plan, load_plan, parse_days, weekly_goal
from kneetimer.cli import main
from kneetimer.history.store import HistoryStore
from tests.history_helpers import seed_session

PLAN = Plan("react-glute-it-band", days=(0, 2, 4), weeks=6, start=date(2026, 11, 16))


@pytest.mark.parametrize("pain, expected", [(0, Zone.GREEN), (2, Zone.GREEN), (3, Zone.AMBER), (5, Zone.AMBER),
                                            (6, Zone.RED), (10, Zone.RED)])
def test_zones_as_clinics_teach_them(pain, expected):
    assert zone(pain) is expected


def test_a_red_exercise_flags_the_session_with_its_side_and_number():
    flag = flag_for(2, [("Clams", "left", 7), ("Clams", "right", 4)])
    assert flag.reasons == ("Clams (left) marked 7/10",) and flag.exercises == ("Clams (left)",)
    assert flag.level is Zone.RED and "ease Clams (left) next time" in flag.advice()
    assert flag_for(5, [("Clams", "left", 5)]) is None, "amber keeps the dose: no flag"
    worse = flag_for(1, [], worse_next_day=True)
    assert worse.level is Zone.AMBER and worse.reasons == ("the knee was worse the morning after",)


def test_worse_twice_running_gives_the_advice():
    assert worse_mornings_advice(["worse", "worse", "better"]) is not None
    assert worse_mornings_advice(["worse", "same", "worse"]) is None
    assert worse_mornings_advice(["worse"]) is None


@pytest.mark.parametrize("today, candidates, due", [
    (date(2026, 11, 24), [Candidate(1, date(2026, 11, 23), None)], 1),
    (date(2026, 11, 25), [Candidate(1, date(2026, 11, 23), None)], 1),  # 2 days late: still asked
    (date(2026, 11, 26), [Candidate(1, date(2026, 11, 23), None)], None),  # 3 days: no longer
    (date(2026, 11, 24), [Candidate(1, date(2026, 11, 23), "skipped")], None),  # never twice
    (date(2026, 11, 23), [Candidate(1, date(2026, 11, 23), None)], None),  # the same day
    (date(2026, 11, 24), [], None),
])
def test_the_morning_question_is_due_once(today, candidates, due):
    found = question_due(today, candidates)
    assert (found.session_id if found else None) == due


def test_the_plan_week_next_day_and_goal():
    assert PLAN.week_number(date(2026, 11, 30)) == 3 and PLAN.end == date(2026, 12, 27)
    assert PLAN.next_day(date(2026, 11, 30), done_today=False) == date(2026, 11, 30)
    assert PLAN.next_day(date(2026, 11, 30), done_today=True) == date(2026, 12, 2)
    assert PLAN.summary_line(date(2026, 11, 30), 0, False) == "week 3 of 6 · 0 of 3 days this week · next: today"
    assert weekly_goal(PLAN, 5, date(2026, 11, 30)) == 3 and weekly_goal(PLAN, 5, date(2027, 2, 1)) == 5
    assert parse_days("Mon, wed,FRI,fri") == (0, 2, 4)


def test_changes_are_marked_only_beyond_measurement_error():
    first = Checkin(date(2026, 11, 16), 5, 8, (("stairs", 3), ("running", 2)))
    later = Checkin(date(2026, 11, 30), 4, 5, (("stairs", 6), ("running", 4)))
    found = {change.measure: change for change in changes([first, later])}
    assert not found["usual pain"].beyond_error, "1 point is within error"
    assert found["worst pain"].beyond_error and found["worst pain"].better
    assert found["PSFS average"].beyond_error and (found["PSFS average"].first, found["PSFS average"].latest) == (2.5, 5)
    assert checkin_due(date(2026, 11, 16), PLAN.start, None)
    assert not checkin_due(date(2026, 11, 20), PLAN.start, date(2026, 11, 16))
    assert checkin_due(date(2026, 11, 30), PLAN.start, date(2026, 11, 16))


def test_plan_set_show_and_clear(isolated_dirs, capsys):
    assert main(["plan", "set", "react-glute-it-band", "--days", "tue,thu", "--weeks", "8", "--start", "2026-11-17",
                 "--time", "07:30"]) == 0
    plan = load_plan()
    assert (plan.days, plan.weeks, plan.start, plan.remind_at) == ((1, 3), 8, date(2026, 11, 17), time(7, 30))
    capsys.readouterr()
    assert main(["plan", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["days"] == ["tue", "thu"] and facts["weeks"] == 8 and facts["planned_this_week"] == 2
    assert main(["plan", "set", "nonexistent-routine"]) == 1
    assert main(["plan", "set", "react-glute-it-band", "--days", "someday"]) == 1
    assert main(["plan", "clear"]) == 0 and load_plan() is None


def test_checkin_morning_from_a_script(isolated_dirs, capsys):
    store = HistoryStore.open(isolated_dirs[1])
    seed_session(store, datetime.now().astimezone() - timedelta(days=1))
    store.close()
    assert main(["checkin", "--morning", "worse"]) == 0
    assert main(["history", "--json"]) == 0
    (session,) = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert session["next_day"] == "worse" and session["flagged"]


def test_the_report_shows_the_block_and_the_outcome_measures(isolated_dirs, capsys):
    from kneetimer.care.plan import save_plan

    today = datetime.now().astimezone().date()
    save_plan(Plan("react-glute-it-band", start=today - timedelta(weeks=2)))
    store = HistoryStore.open(isolated_dirs[1])
    seed_session(store, datetime.combine(today - timedelta(days=1), time(8)).astimezone())
    store.add_checkin(Checkin(today - timedelta(weeks=2), 6, 8, (("stairs", 2),)), datetime.now().astimezone())
    store.add_checkin(Checkin(today, 3, 5, (("stairs", 6),)), datetime.now().astimezone())
    store.close()
    assert main(["report", "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    assert "**Plan:** react\\-glute" not in text and "**Plan:** react-glute-it-band: Mon, Wed, Fri for 6 weeks" in text
    assert "PSFS average: 2 → 6 (better, beyond measurement error)" in text
