"""The user's own routines: safe names, new/copy/edit, adjusted versions written with
tomli-w that load back identically, settings, progression."""

from __future__ import annotations

from datetime import datetime, timezone

import sys
import textwrap
from dataclasses import replace

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings as hypothesis_settings

from kneetimer.routines.adjust import nudge
from kneetimer.cli.main import main
from kneetimer.routines.loader import load_bytes, load_file
from kneetimer.history.progression import suggest
from kneetimer.routines.model import Hold
from kneetimer.routines.writer import dump_routine
from kneetimer.settings import Settings, load_settings, save_settings
from kneetimer.routines.library import RoutineFileError, edit_file, new_routine, safe_id
from kneetimer.history.rows import ExerciseRow, SessionRow
from kneetimer.workout.records import Outcome, Status
from tests.conftest import BUNDLED
from tests.test_loader_properties import routines as generated_routines


def round_trip(routine):
    result = load_bytes(dump_routine(routine).encode(), "w.toml", routine.id)
    assert result.ok, [str(p) for p in result.problems]
    return result.routine


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_written_routines_load_back_identically(path):
    routine = load_file(path).routine
    assert round_trip(routine) == routine


@hypothesis_settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(generated_routines())
def test_any_valid_routine_round_trips_through_the_writer(document):
    routine = load_bytes(tomli_w.dumps(document).encode(), "g.toml", "g").routine
    assert round_trip(routine) == routine


@pytest.mark.parametrize(
    "name, expected",
    [("My Knee Routine!", "my-knee-routine"), ("../../etc/passwd", "etc-passwd"), ("clams_v2", "clams-v2"),
     ("Ünïcode   knee", "n-code-knee"), ("a/b\\c", "a-b-c")],
)
def test_safe_ids_cannot_leave_the_folder(name, expected):
    assert safe_id(name) == expected


@pytest.mark.parametrize("name", ["", "...", "///", "🦵"])
def test_names_without_letters_are_refused(name):
    with pytest.raises(RoutineFileError):
        safe_id(name)


def test_new_writes_a_valid_commented_starter_and_never_overwrites(user_routines, capsys):
    assert main(["new", "My knee plan"]) == 0
    path = user_routines / "my-knee-plan.toml"
    assert str(path) in capsys.readouterr().out
    text = path.read_text()
    assert text.startswith("# A kneetimer routine") and 'name = "My knee plan"' in text
    assert load_file(path).routine.name == "My knee plan"
    path.write_text(text + "\n# mine\n")
    assert main(["new", "My knee plan"]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert path.read_text().endswith("# mine\n"), "nothing overwritten"
    assert main(["new", "My knee plan", "--force"]) == 0
    assert not path.read_text().endswith("# mine\n")


def test_copy_a_bundled_routine_to_edit(user_routines, capsys):
    assert main(["copy", "react-glute-it-band", "my-react"]) == 0
    copied = user_routines / "my-react.toml"
    assert copied.read_text() == next(p for p in BUNDLED if p.stem == "react-glute-it-band").read_text()
    assert main(["copy", "no-such-routine", "x"]) == 1
    assert "no routine with id 'no-such-routine'" in capsys.readouterr().err
    assert main(["copy", "react-glute-it-band", "../escape"]) == 0
    assert (user_routines / "escape.toml").exists()


def test_edit_saves_only_a_valid_routine_and_reopens_on_errors(user_routines):
    path = new_routine("plan")
    original = path.read_text()
    drafts = iter([
        original.replace("reps = 10", "reps = 0"),  # broken: asked again
        original.replace("reps = 10", "reps = 12"),  # fixed
    ])
    asked = []

    def editor(file):
        file.write_text(next(drafts))
        return 0

    saved, problems = edit_file(path, ask_again=lambda found: asked.append(found) or True, run_editor=editor)
    assert saved and problems == []
    assert "reps must be a whole number" in asked[0][0]
    assert load_file(path).routine.exercises[0].reps == 12


def test_edit_abandoned_keeps_the_original(user_routines):
    path = new_routine("plan")
    original = path.read_text()

    def editor(file):
        file.write_text("name = [broken")
        return 0

    saved, problems = edit_file(path, ask_again=lambda found: False, run_editor=editor)
    assert not saved and "invalid TOML" in problems[0]
    assert path.read_text() == original


def test_edit_command_with_a_real_editor_process(user_routines, monkeypatch, tmp_path, capsys):
    script = tmp_path / "editor.py"
    script.write_text(textwrap.dedent(
        """
        import sys
        path = sys.argv[1]
        text = open(path).read().replace('hold = "5s"', 'hold = "8s"')
        open(path, "w").write(text)
        """
    ))
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    assert main(["copy", "react-glute-it-band", "mine"]) == 0
    assert main(["edit", "mine"]) == 0
    assert load_file(user_routines / "mine.toml").routine.exercises[0].hold == Hold(8, 8)
    assert main(["edit", "react-glute-it-band"]) == 0, "a bundled routine is copied to yours first"
    assert (user_routines / "react-glute-it-band.toml").exists()
    assert "copied" in capsys.readouterr().out


def test_settings_round_trip_and_defaults(tmp_path):
    path = tmp_path / "config.toml"
    loaded = load_settings(path)
    assert loaded.settings == Settings() and loaded.problems == []
    wanted = Settings(sound=False, voice=True, lead_in=8.0, theme="nord", pain_prompt=False, sessions_per_week=4)
    assert save_settings(wanted, path) is None
    assert load_settings(path).settings == wanted
    assert not list(tmp_path.glob(".config.toml.*")), "no temporary file left behind"


def test_broken_settings_fall_back_and_are_kept_aside_before_saving(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("sound = [oops\n")
    loaded = load_settings(path)
    assert loaded.broken and loaded.settings == Settings() and "broken" in loaded.problems[0]
    notice = save_settings(Settings(sound=False), path)
    kept = list(tmp_path.glob("config.broken-*.toml"))
    assert len(kept) == 1 and kept[0].read_text() == "sound = [oops\n" and kept[0].name in notice
    assert load_settings(path).settings.sound is False


def test_bad_setting_values_are_reported_one_by_one(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('sound = "loud"\nsessions_per_week = 40\ncolour = "red"\nvoice = true\n')
    loaded = load_settings(path)
    assert loaded.settings.voice is True and loaded.settings.sound is True
    assert len(loaded.problems) == 3 and "unknown setting 'colour'" in loaded.problems[2]


def session(pain_after, pain_before=3, status="completed", skipped=False):
    moment = datetime(2026, 11, 21, tzinfo=timezone.utc)

    def exercise(status):
        return ExerciseRow(0, "Clams", None, Status(status), 1, 10, 50.0, moment, moment)

    exercises = (exercise("skipped" if skipped else "done"), exercise("done"))
    return SessionRow(1, "react-glute-it-band", "REACT", moment, moment, Outcome(status), 100.0, 0.0,
                      pain_before, pain_after, "", exercises)


REACT = next(load_file(p).routine for p in BUNDLED if p.stem == "react-glute-it-band")


def test_progression_is_suggested_after_three_easy_complete_sessions():
    offer = suggest(REACT, [session(1), session(2), session(2)])
    assert offer is not None
    assert offer.changes[0] == "Clams: Loop a resistance band just above the knees"
    clams = offer.routine.exercises[0]
    assert clams.cues[0] == "Harder: Loop a resistance band just above the knees" and clams.harder == ""
    assert any(change.startswith("IT band release: hold 30s -> 36s") for change in offer.changes)
    assert offer.routine.based_on == "react-glute-it-band"
    assert round_trip(offer.routine) == offer.routine


@pytest.mark.parametrize(
    "history",
    [
        [session(1), session(2)],  # too few
        [session(3), session(1), session(1)],  # pain above 2
        [session(2), session(1), session(0)],  # pain went up across sessions
        [session(2, pain_before=1), session(2), session(2)],  # pain went up during the latest
        [session(1, skipped=True), session(1), session(1)],  # something skipped
        [session(1, status="interrupted"), session(1), session(1)],
        [session(None), session(1), session(1)],  # pain not given
    ],
)
def test_progression_is_not_suggested_unless_earned(history):
    assert suggest(REACT, history) is None


def test_no_progression_for_a_routine_without_harder():
    routine = replace(REACT, exercises=tuple(replace(e, harder="") for e in REACT.exercises))
    assert suggest(routine, [session(1)] * 3) is None


def test_adjusting_notes_what_changed_and_updates_inheriting_steps():
    nineties = REACT.exercises.index(next(e for e in REACT.exercises if e.name == "90-90s"))
    adjusted = nudge(REACT, nineties, "reps", +1)
    adjusted = nudge(adjusted, nineties, "reps", +1)
    assert [s.reps for s in adjusted.exercises[nineties].steps] == [12, 12, 12]
    adjusted = nudge(adjusted, 0, "hold", +1)
    adjusted = nudge(adjusted, 0, "sets", +1)
    adjusted = nudge(adjusted, 0, "rest", +1)
    assert adjusted.changes == ("90-90s: reps 10 -> 12", "Clams: hold 5s -> 6s", "Clams: sets 1 -> 2",
                                "Clams: rest 0s -> 5s")
    redone = nudge(nudge(adjusted, 0, "sets", -1), 0, "sets", +1)
    assert sorted(redone.changes) == sorted(adjusted.changes), "undo then redo: the same notes"
    back = nudge(adjusted, 0, "sets", -1)
    assert "Clams: sets 1 -> 2" not in back.changes, "a change undone leaves no note"
    assert nudge(REACT, 0, "sets", -1) is REACT, "cannot go below 1 set"
    assert round_trip(adjusted) == adjusted
