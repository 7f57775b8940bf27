"""The report a physiotherapist reads in 30 seconds (issue 23): 13 weeks of two routines
sharing exercise names (both have an "IT band stretch"), ranged holds, a flare-up, a
missed week and a week just begun. Every number agrees with `history --json` and the
review; printed from headless Chromium it takes at most 2 A4 pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime, time, timedelta

import pytest

from kneetimer.cli.parser import main
from kneetimer.cli.report_output import to_html, to_markdown
from kneetimer.history.report import build_report
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import ExerciseEnded, SessionEnded, Status
from tests.conftest import bundled
from tests.engine_helpers import drive, make_session

REACT, WANG = bundled("react-glute-it-band"), bundled("wang-hip-strength-itbs")
TODAY = datetime(2026, 11, 30, 18, 0).astimezone()  # a Monday: this week has just begun
MISSED_WEEK = 6  # weeks ago, none done
FLARE_UP = 3  # weeks ago: pain after 7, the left clams marked 8


def workout(store, routine, started, pain, skip_last=False):
    session, clock = make_session(routine, wall_clock=lambda: started, stall_after=None)
    session_id = store.start_session(routine.id, routine.name, started, pain[0],
                                     exercises_planned=len(routine.exercises))

    def save(event):
        if isinstance(event, ExerciseEnded):
            store.add_record(session_id, event.record, event.active_s, event.paused_s)
        elif isinstance(event, SessionEnded):
            store.finish_session(session_id, event.outcome, event.ended_at, event.active_s, event.paused_s,
                                 event.ended_by)

    session.add_listener(save)
    session.start()
    if skip_last:
        drive(session, clock, until=clock.now + 400)
        session.quit()
    else:
        drive(session, clock)
    store.set_feedback(session_id, pain_after=pain[1])
    return session_id


@pytest.fixture(scope="module")
def physio_history(tmp_path_factory):
    data = tmp_path_factory.mktemp("physio") / "data"
    store = HistoryStore.open(data)
    monday = TODAY.date()
    for weeks_ago in range(12, 0, -1):
        if weeks_ago == MISSED_WEEK:
            continue
        for day, routine in ((0, REACT), (2, WANG), (4, REACT)):
            when = datetime.combine(monday - timedelta(weeks=weeks_ago, days=-day), time(7, 30)).astimezone()
            flare = weeks_ago == FLARE_UP and day == 2
            pain = (4, 7) if flare else (max(1, 4 - (12 - weeks_ago) // 4), max(0, 3 - (12 - weeks_ago) // 4))
            session_id = workout(store, routine, when, pain, skip_last=weeks_ago == 9 and day == 4)
            if flare:
                store.set_exercise_pain(session_id, 0, "left", 8)
    workout(store, REACT, datetime.combine(monday, time(7, 30)).astimezone(), (1, 0))  # this week so far
    store.close()
    return data


def test_at_a_glance_is_true_to_the_history(physio_history):
    store = HistoryStore.open(physio_history)
    report = build_report(store, TODAY.date(), weeks=13, goal=3)
    assert report.starts_later is False or report.first_day == report.asked_from + timedelta(days=7)
    assert report.week_in_progress and report.weeks[-1].days == 1, "this week is 'so far'"
    missed = [week for week in report.weeks if week.days == 0]
    assert len(missed) == 1, "only the missed week is missed, not the week just begun"
    assert report.adherence == pytest.approx(11 / 12), "11 of the 12 ended weeks met the goal of 3"
    assert report.pain_first is not None and report.pain_last is not None and report.pain_last < report.pain_first
    (flagged,) = report.flagged
    assert "Clamshell (left) marked 8/10" in flagged.reasons and "knee pain 7/10 after the session" in flagged.reasons
    stretches = {(line.routine, line.prescribed) for line in report.exercises if line.name == "IT band stretch"}
    assert stretches == {(REACT.name, "hold 30s-1m"), (WANG.name, "hold 30s")}, "same name, two rows"
    ranged = [line for line in report.exercises if line.prescribed == "hold 30s-1m" and line.done == line.sessions]
    assert ranged and all(line.completion == 1.0 for line in ranged), "done in full is 100%, whatever its length"


def test_every_count_agrees_with_history_json_and_the_review(physio_history, monkeypatch, capsys):
    monkeypatch.setenv("KNEETIMER_DATA_DIR", str(physio_history))
    assert main(["history", "--json"]) == 0
    sessions = json.loads(capsys.readouterr().out)
    store = HistoryStore.open(physio_history)
    report = build_report(store, TODAY.date(), weeks=13, goal=3)
    in_period = [s for s in sessions if s["started_at"][:10] >= report.first_day.isoformat()]
    assert report.sessions == len(in_period)
    assert report.completed == sum(1 for s in in_period if s["status"] == "completed")
    assert len(report.flagged) == sum(1 for s in in_period if s["flagged"])
    review = {summary.session.id: summary for summary in store.session_summaries(limit=100)}
    for session in in_period:
        sides_done: dict[str, int] = {}
        for exercise in session["exercises"]:
            if exercise["counted"] and exercise["status"] == "done":
                sides_done[exercise["name"]] = sides_done.get(exercise["name"], 0) + 1
        both = sum(1 for count in sides_done.values() if count == 2)
        assert review[session["id"]].done == both, "an exercise is done when both its sides are"


def test_long_periods_are_labelled_by_month_and_markdown_keeps_hyphens(physio_history):
    store = HistoryStore.open(physio_history)
    report = build_report(store, TODAY.date(), weeks=52, goal=3)
    assert len(report.weeks) == 13, "the weeks before the first session are not counted as missed"
    page = to_html(report, TODAY.date(), name="Ann <O'Neil>")
    assert "Ann &lt;O&#x27;Neil&gt;" in page
    text = to_markdown(report, TODAY.date())
    assert "Single-leg deadlift" in text and "\\-" not in text and "\\(" not in text
    assert "## Days with exercise done, each week" in text and "(so far)" in text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None or shutil.which("pdfinfo") is None,
                    reason="needs Debian's chromium and poppler-utils (.ci/run installs them)")
def test_thirteen_weeks_of_two_routines_print_on_two_pages(physio_history, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(to_html(build_report(HistoryStore.open(physio_history), TODAY.date(), weeks=13, goal=3),
                            TODAY.date(), name="A. Patient"))
    pdf = tmp_path / "report.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120, check=False)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages <= 2, f"{pages} A4 pages"


def test_the_status_of_a_session_counts_nothing_skipped_as_done(physio_history):
    store = HistoryStore.open(physio_history)
    for session in store.sessions():
        if session.status == "completed":
            assert any(e.status is not Status.SKIPPED for e in session.counted)
