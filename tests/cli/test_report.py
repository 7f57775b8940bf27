"""`kneetimer report`: what a physiotherapist is handed. Self-contained, honest, escaped."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from kneetimer.cli.parser import main
from kneetimer.dates import now_local
from kneetimer.history.report import build_report
from kneetimer.history.store import HistoryStore
from kneetimer.workout.records import EndedBy, ExerciseEnded, Outcome, Status
from tests.engine_helpers import drive, make_session, routine_from
from tests.history_helpers import seed_session

HOSTILE = '<script>alert(1)</script> | [x](javascript:alert(1)) **bold** & \x1b[31m'
ROUTINE = routine_from(
    """
    name = "Clams <b>and</b> more | x"
    lead_in = 0
    [[exercise]]
    name = "Clams"
    sides = "each"
    reps = 2
    hold = 1
    [[exercise]]
    name = "Stretch"
    hold = 30
    """
)


def workout(store, started, skip_stretch=False, pain=(3, 2), note=""):
    """A real run through the engine, saved as the app saves it."""
    session, clock = make_session(ROUTINE, wall_clock=lambda: started, stall_after=None)
    session_id = store.start_session(ROUTINE.id, ROUTINE.name, started, pain[0])
    session.add_listener(lambda event: store.add_record(session_id, event.record, 0, 0)
                         if isinstance(event, ExerciseEnded) else None)
    session.start()
    if skip_stretch:
        drive(session, clock, until=clock.now + 16)  # both sides of clams: 2 reps of (1 + 3) s each
        session.skip()  # the rest before the stretch: on to the stretch now
        session.skip()  # the stretch: skipped
    drive(session, clock)
    store.finish_session(session_id, session.status, started, session.active_seconds(), 0)
    store.set_feedback(session_id, pain_after=pain[1], note=note)
    return session_id


@pytest.fixture
def history(isolated_dirs):
    store = HistoryStore.open(isolated_dirs[1])
    today = now_local().replace(hour=8, minute=0, second=0, microsecond=0)
    workout(store, today - timedelta(days=9))
    workout(store, today - timedelta(days=2), skip_stretch=True, pain=(4, 7), note=HOSTILE)
    seed_session(store, today - timedelta(days=1), [("Clams", "right", Status.PARTIAL, 3.0)],
                 routine_id="t", routine="Quick", status=Outcome.INTERRUPTED)
    store.connection.execute("UPDATE sessions SET ended_by = ? WHERE routine_id = 't'", (EndedBy.YOU,))
    store.close()
    return isolated_dirs[1], today.date()


def test_the_report_sums_up_what_was_prescribed_and_done(history):
    data, today = history
    report = build_report(HistoryStore.open(data), today, weeks=4, goal=3)
    assert (report.sessions, report.completed, report.ended_early, report.interrupted) == (3, 2, 1, 0)
    assert report.days_active == 2, "the third session had nothing done"
    lines = {(line.routine, line.name, line.side, line.prescribed): line for line in report.exercises}
    clams = lines[(ROUTINE.name, "Clams", "right", "2 reps · hold 1s")]
    assert (clams.sessions, clams.done, clams.reps_done, clams.planned_reps) == (2, 2, 4, 4)
    quick = lines[("Quick", "Clams", "right", "")]
    assert quick.sessions == 1, "another routine's Clams, with another prescription: a row of its own"
    stretch = lines[(ROUTINE.name, "Stretch", None, "hold 30s")]
    assert (stretch.done, stretch.completion) == (1, pytest.approx(0.5)), "one done, one skipped"
    assert [point.after for point in report.pain] == [2, 7, None][: len(report.pain)]
    (flagged,) = report.flagged
    assert flagged.reasons == ("knee pain 7/10 after the session",), "the reason carries the number"
    assert report.first_day == today - timedelta(days=9), "the period starts at the first session"
    assert report.starts_later and report.asked_from == today - timedelta(days=today.weekday() + 21)


def test_html_is_one_self_contained_file_that_prints_on_a4(history, tmp_path, capsys):
    out = tmp_path / "for-my-physio.html"
    assert main(["report", "--weeks", "4", "--output", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "@page { size: A4" in page
    assert "<script" not in page.lower() and not re.search(r"(src|href)=", page), "no scripts, nothing fetched"
    assert "<svg" in page and "knee pain 7/10 after the session" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "Clams &lt;b&gt;and&lt;/b&gt; more" in page
    assert "\x1b" not in page


def test_markdown_keeps_untrusted_text_literal(history, capsys):
    assert main(["report", "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    note_line = next(line for line in text.splitlines() if "alert" in line and line.startswith("- "))
    assert "\\<script\\>" in note_line and "\\[x\\](javascript" in note_line and "\\*\\*bold\\*\\*" in note_line
    assert "[x](" not in note_line.replace("\\[x\\](", ""), "no link can be formed"
    table_rows = [line for line in text.splitlines() if line.startswith("| Clams")]
    assert table_rows and all(line.count(" | ") == 8 for line in table_rows), "a | in a name cannot add a column"
    assert "\x1b" not in text


def test_no_history_is_said_plainly(isolated_dirs, capsys):
    assert main(["report"]) == 1
    assert "no sessions yet" in capsys.readouterr().err


def test_a_report_of_an_empty_period(history, capsys):
    data, today = history
    report = build_report(HistoryStore.open(data), today + timedelta(weeks=20), weeks=1)
    assert report.sessions == 0 and report.exercises == () and report.first_day > date(2000, 1, 1)
