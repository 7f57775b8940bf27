"""The user's own routines: safe names, new/copy/edit, adjusted versions written with
tomli-w that load back identically, settings, progression."""

from __future__ import annotations

import sys
import textwrap

import pytest
import tomli_w
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from kneetimer.cli.parser import main
from kneetimer.routines.library import RoutineFileError, edit_file, new_routine, safe_id
from kneetimer.routines.loader import load_bytes, load_file
from kneetimer.routines.model import Hold
from kneetimer.routines.writer import dump_routine
from tests.conftest import BUNDLED, bundled
from tests.routines.test_loader_properties import routines as generated_routines


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
     ("Ünïcode   knee", "ünïcode-knee"), ("Übung", "übung"), ("膝のリハビリ", "膝のリハビリ"), ("a\x1b[31mb", "a-31mb"), ("a/b\\c", "a-b-c")],
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
    original = next(p for p in BUNDLED if p.stem == "react-glute-it-band").read_text()
    assert copied.read_text() == original.replace('name = "Glute and IT band (REACT)"',
                                                  'name = "Glute and IT band (REACT) — my-react"'), \
        "comments and all, only the name says it is the copy"
    assert load_file(copied).routine.exercises == bundled("react-glute-it-band").exercises
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
    assert "your version now takes the bundled one's place" in capsys.readouterr().out


def test_editing_a_bundled_routine_without_a_change_leaves_no_copy(user_routines, monkeypatch, capsys):
    monkeypatch.setenv("VISUAL", "true")
    assert main(["edit", "react-glute-it-band"]) == 0
    assert not (user_routines / "react-glute-it-band.toml").exists(), "nothing of yours shadows it"
    assert "No changes." in capsys.readouterr().out


def test_an_editor_that_fails_is_reported_as_such(user_routines, monkeypatch, capsys):
    monkeypatch.setenv("VISUAL", "false")
    assert main(["copy", "react-glute-it-band", "mine"]) == 0
    before = (user_routines / "mine.toml").read_text()
    assert main(["edit", "mine"]) == 1
    assert "the editor (false) failed with exit status 1; nothing was changed" in capsys.readouterr().err
    assert (user_routines / "mine.toml").read_text() == before
    assert main(["edit", "miles-lateral-hip"]) == 1
    assert not (user_routines / "miles-lateral-hip.toml").exists()


def test_a_saved_version_says_what_changed_above_the_original_description(user_routines):
    from kneetimer.routines.adjust import nudge
    from kneetimer.routines.library import save_user_version

    react = bundled("react-glute-it-band")
    path, _ = save_user_version(nudge(react, 0, "hold", +1))
    saved = load_file(path).routine
    assert saved.description.startswith("Your version: Clams: hold 5s -> 6s.")
    assert saved.description.endswith(react.description)
    again, _ = save_user_version(nudge(saved, 0, "hold", +1))
    description = load_file(again).routine.description
    assert description.startswith("Your version: Clams: hold 5s -> 7s.") and description.count("Your version") == 1


@pytest.mark.parametrize("command", [["new", "react-glute-it-band"], ["new", "React Glute IT Band"],
                                     ["copy", "wang-hip-strength-itbs", "react-glute-it-band"]])
def test_a_bundled_id_is_not_taken_unasked(user_routines, capsys, command):
    from kneetimer.cli import main

    assert main(command) == 1
    assert "bundled routine" in capsys.readouterr().err
    assert not (user_routines / "react-glute-it-band.toml").exists()
    assert main(["list", "--json"]) == 0
    assert "Glute and IT band" in capsys.readouterr().out
