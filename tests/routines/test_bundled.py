"""The bundled routines keep every number their source gives (the README's "The bundled routines")."""

from kneetimer.routines.loader import load_file
from kneetimer.routines.model import Hold
from tests.conftest import REPO


def routine(routine_id):
    result = load_file(REPO / "routines" / f"{routine_id}.toml")
    assert result.ok, result.problems
    return result.routine


def by_name(routine_id):
    return {exercise.name: exercise for exercise in routine(routine_id).exercises}


def test_every_bundled_routine_cites_its_source_and_the_caution():
    for path in sorted((REPO / "routines").glob("*.toml")):
        loaded = load_file(path).routine
        assert loaded.source, path
        assert "Not medical advice" in loaded.description, path
        assert "physical therapist" in loaded.description, path
        for exercise in loaded.exercises:
            assert exercise.instructions, (path, exercise.name)


def test_reavy_react_numbers():
    moves = by_name("react-glute-it-band")
    clams = moves["Clams"]
    assert (clams.reps, clams.hold, clams.sides) == (10, Hold(5, 5), ("right", "left"))
    assert "band" in clams.harder
    nineties = moves["90-90s"]
    assert nineties.sides and [step.reps for step in nineties.steps] == [10, 10, 10]
    assert [step.hold for step in nineties.steps] == [None, None, Hold(2, 2)]
    assert moves["Glute activation step backs"].reps == 10
    release = moves["IT band release"]
    assert release.sets * release.hold.maximum == 120 and release.hold == Hold(30, 30)
    assert "foam roller" in release.equipment and release.sides
    assert moves["IT band stretch"].hold == Hold(30, 60)


def test_clinic_blog_numbers():
    moves = by_name("clinic-hips-for-knees")
    walk = moves["Lateral band walk"]
    assert walk.hold == Hold(15, 15) and len(walk.sides) == 2 and "resistance band" in walk.equipment
    assert moves["Single-leg deadlift"].reps == 10
    stretch = moves["Foam roller hip flexor and glute stretch"]
    assert (stretch.reps, stretch.hold) == (3, Hold(5, 5)) and "foam roller" in stretch.equipment


def test_wang_and_miles_moves_are_all_there():
    assert set(by_name("wang-hip-strength-itbs")) >= {
        "Clamshell", "Side-lying leg raise", "Pelvic lift and lower", "Single-leg deadlift", "IT band stretch",
    }
    assert by_name("wang-hip-strength-itbs")["Pelvic lift and lower"].hold is not None
    assert list(by_name("miles-lateral-hip")) == [
        "Side-lying leg lifts", "Clamshells", "Lateral walks", "Shallow single-leg squats",
    ]
