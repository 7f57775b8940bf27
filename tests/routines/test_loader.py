"""The loader against the contract (the README's "Writing a routine"): every key, every error class."""

from __future__ import annotations

import textwrap

import pytest

from kneetimer.routines.loader import MAX_FILE_BYTES, load_bytes, load_file
from kneetimer.routines.model import Hold

CONTRACT_EXAMPLE = """\
name = "Glute and IT band basics"
source = "Physical therapist's routine for runners with knee pain"
lead_in = "5s"

[[exercise]]
name = "Clams"
instructions = "Lie on one side, hips and knees stacked and bent, heels together. Open the top knee, hold, close slowly."
cues = ["Heels together", "Don't roll back through the pelvis"]
harder = "Add a resistance band just above the knees"
sides = "each"
reps = 10
hold = "5s"

[[exercise]]
name = "IT band release"
equipment = ["foam roller"]
sides = "each"
sets = 4          # 4 x 30 s = two minutes
hold = "30s"

[[exercise]]
name = "IT band stretch"
sides = "each"
hold = ["30s", "60s"]

[[exercise]]
name = "90-90s"
sides = "each"
reps = 10
  [[exercise.step]]
  name = "Foot flexed, lift"
  [[exercise.step]]
  name = "Foot pointed, lift"
  [[exercise.step]]
  name = "Rotate, toes down"
  hold = "2s"
"""


def load(text: str, name: str = "mine.toml"):
    return load_bytes(textwrap.dedent(text).encode(), f"routines/{name}", routine_id=name.removesuffix(".toml"))


def messages(text: str) -> list[str]:
    result = load(text)
    assert result.routine is None, "expected the routine to be rejected"
    return [str(problem) for problem in result.problems]


def test_contract_example_loads_to_the_model():
    routine = load(CONTRACT_EXAMPLE).routine
    assert routine is not None
    assert routine.id == "mine" and routine.name == "Glute and IT band basics"
    assert routine.lead_in == 5 and routine.rest_between == 10  # rest_between default
    clams, release, stretch, nineties = routine.exercises
    assert clams.sides == ("right", "left") and clams.reps == 10 and clams.hold == Hold(5, 5)
    assert clams.cues == ("Heels together", "Don't roll back through the pelvis")
    assert clams.harder.startswith("Add a resistance band")
    assert clams.tempo == 3 and clams.paced is True and clams.sets == 1 and clams.rest == 0
    assert release.sets == 4 and release.hold == Hold(30, 30) and release.reps is None
    assert release.equipment == ("foam roller",)
    assert stretch.hold == Hold(30, 60) and stretch.hold.is_range
    assert [step.name for step in nineties.steps] == ["Foot flexed, lift", "Foot pointed, lift", "Rotate, toes down"]
    # Steps fall back to the exercise's values where they set none.
    assert [step.reps for step in nineties.steps] == [10, 10, 10]
    assert [step.hold for step in nineties.steps] == [None, None, Hold(2, 2)]
    assert all(step.tempo == 3 and step.paced for step in nineties.steps)
    assert routine.equipment == ("foam roller",)


def test_defaults_for_a_minimal_routine():
    routine = load('name = "x"\n[[exercise]]\nname = "y"\nreps = 3\n').routine
    assert routine.lead_in == 5 and routine.rest_between == 10
    assert routine.description == "" and routine.source == ""
    (exercise,) = routine.exercises
    assert exercise.sides == () and exercise.side_labels() == (None,)
    assert exercise.sets == 1 and exercise.hold is None and exercise.tempo == 3


def test_side_labels_and_step_overrides():
    routine = load(
        """
        name = "x"
        lead_in = 0
        rest_between = "0s"
        [[exercise]]
        name = "Walk"
        sides = ["left leg", "right leg", "both"]
        reps = 4
        hold = 2
        tempo = "1.5s"
        paced = false
        cues = ["a"]
        instructions = "ex"
          [[exercise.step]]
          name = "one"
          [[exercise.step]]
          name = "two"
          reps = 2
          hold = ["1s", "3s"]
          tempo = 4
          paced = true
          cues = ["b"]
          instructions = "st"
        """
    ).routine
    assert routine.lead_in == 0 and routine.rest_between == 0
    exercise = routine.exercises[0]
    assert exercise.sides == ("left leg", "right leg", "both")
    one, two = exercise.steps
    assert (one.reps, one.hold, one.tempo, one.paced, one.cues, one.instructions) == (4, Hold(2, 2), 1.5, False, ("a",), "ex")
    assert (two.reps, two.hold, two.tempo, two.paced, two.cues, two.instructions) == (2, Hold(1, 3), 4, True, ("b",), "st")


def test_step_with_its_own_hold_needs_no_exercise_reps():
    routine = load(
        """
        name = "x"
        [[exercise]]
        name = "Flow"
          [[exercise.step]]
          name = "hold it"
          hold = "10s"
        """
    ).routine
    assert routine.exercises[0].steps[0].hold == Hold(10, 10)


@pytest.mark.parametrize(
    "body, expected",
    [
        ('reps = 10\nholdd = 5', "routines/mine.toml:6: exercise 1 (\"Clams\"): unknown key 'holdd' (did you mean 'hold'?)"),
        ('hold = ["60s", "30s"]', 'routines/mine.toml:5: exercise 1 ("Clams"): hold range ["60s", "30s"] has min > max'),
        ('hold = 0', 'routines/mine.toml:5: exercise 1 ("Clams"): hold must be more than 0 seconds'),
        ('hold = -5', 'routines/mine.toml:5: exercise 1 ("Clams"): hold: duration must not be negative, got -5'),
        ('hold = nan', "routines/mine.toml:5: exercise 1 (\"Clams\"): hold: duration must be a finite number, got nan"),
        ('hold = inf', "routines/mine.toml:5: exercise 1 (\"Clams\"): hold: duration must be a finite number, got inf"),
        ('hold = "25h"', 'routines/mine.toml:5: exercise 1 ("Clams"): hold: duration "25h" is over 24 hours'),
        ('hold = ["1s"]', 'routines/mine.toml:5: exercise 1 ("Clams"): a hold range has two durations, [min, max]; got ["1s"]'),
        ('hold = [0, 5]', 'routines/mine.toml:5: exercise 1 ("Clams"): hold range [0, 5] must start above 0 seconds'),
        ('reps = 0', 'routines/mine.toml:5: exercise 1 ("Clams"): reps must be a whole number from 1 to 1,000, got 0'),
        ('reps = 2.5', 'routines/mine.toml:5: exercise 1 ("Clams"): reps must be a whole number from 1 to 1,000, got 2.5'),
        ('reps = "10"', 'routines/mine.toml:5: exercise 1 ("Clams"): reps must be a whole number from 1 to 1,000, got "10"'),
        ('reps = 1\nsets = true', 'routines/mine.toml:6: exercise 1 ("Clams"): sets must be a whole number from 1 to 100, got true'),
        ('reps = 1\ntempo = 0', 'routines/mine.toml:6: exercise 1 ("Clams"): tempo must be more than 0 seconds'),
        ('reps = 1\nrest = "soon"', 'routines/mine.toml:6: exercise 1 ("Clams"): rest: cannot read "soon" as a duration'),
        ('reps = 1\npaced = "yes"', 'routines/mine.toml:6: exercise 1 ("Clams"): paced must be true or false, got "yes"'),
        ('reps = 1\nsides = "both"', 'routines/mine.toml:6: exercise 1 ("Clams"): sides must be "none", "each", or an array of labels, got "both"'),
        ('reps = 1\nsides = ["left"]', 'routines/mine.toml:6: exercise 1 ("Clams"): sides as an array needs at least 2 labels'),
        ('reps = 1\nsides = ["a", "a"]', 'routines/mine.toml:6: exercise 1 ("Clams"): side labels must differ'),
        ('reps = 1\ncues = "one"', 'routines/mine.toml:6: exercise 1 ("Clams"): cues must be an array of text'),
        ('reps = 1\nequipment = [1]', 'routines/mine.toml:6: exercise 1 ("Clams"): equipment must be an array of text'),
        ('reps = 1\nharder = 3', 'routines/mine.toml:6: exercise 1 ("Clams"): harder must be text, got a whole number'),
        ('sets = 2', 'routines/mine.toml:3: exercise 1 ("Clams"): needs reps, hold, or both'),
        ('reps = 1\nlead_in = 3', "routines/mine.toml:6: exercise 1 (\"Clams\"): unknown key 'lead_in' (it belongs at the top of the file"),
    ],
)
def test_exercise_errors_are_located_and_named(body, expected):
    # The exercise header is line 3, its name line 4, so `body` starts on line 5.
    text = 'name = "R"\n\n[[exercise]]\nname = "Clams"\n' + body + "\n"
    (message,) = messages(text)
    assert message.startswith(expected)


def test_every_problem_in_a_file_is_reported_in_line_order():
    found = messages(
        """\
        name = "Bad"
        lead_in = -3
        colour = "red"

        [[exercise]]
        name = "Clams"
        holdd = 5
        reps = 10

        [[exercise]]
        hold = ["60s", "30s"]

          [[exercise.step]]
          nmae = "Lift"
        """
    )
    assert found == [
        "routines/mine.toml:2: lead_in: duration must not be negative, got -3",
        "routines/mine.toml:3: unknown key 'colour'",
        "routines/mine.toml:7: exercise 1 (\"Clams\"): unknown key 'holdd' (did you mean 'hold'?)",
        "routines/mine.toml:10: exercise 2: 'name' is required",
        'routines/mine.toml:11: exercise 2: hold range ["60s", "30s"] has min > max',
        "routines/mine.toml:13: exercise 2, step 1: 'name' is required",
        "routines/mine.toml:14: exercise 2, step 1: unknown key 'nmae' (did you mean 'name'?)",
    ]


def test_step_errors_name_the_exercise_and_the_step():
    found = messages(
        """\
        name = "R"
        [[exercise]]
        name = "90-90s"
        sides = "each"
          [[exercise.step]]
          name = "Lift"
          [[exercise.step]]
          name = "Rotate"
          hold = "2x"
        """
    )
    assert found == [
        'routines/mine.toml:5: exercise 1 ("90-90s"), step 1 ("Lift"): needs reps, hold, or both (on the step or its exercise)',
        'routines/mine.toml:9: exercise 1 ("90-90s"), step 2 ("Rotate"): hold: cannot read "2x" as a duration '
        '(use seconds like 30, or "45s", "2m", "1m30s", "1:30")',
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('name = "x"\n[[exercise]]\nname = \n', "routines/mine.toml:3:8: invalid TOML: invalid value"),
        ('name = "x"\nname = "y"\n', "routines/mine.toml:2:"),
        ('name = "x"\n[[exercise]\n', "routines/mine.toml:2:"),
        ('description = "no name"\n[[exercise]]\nname = "a"\nreps = 1\n', "routines/mine.toml:1: 'name' is required"),
        ('name = "x"\n', "routines/mine.toml:1: no exercises: add at least one [[exercise]] table"),
        ('name = "x"\nexercise = "clams"\n', "routines/mine.toml:2: 'exercise' must be an array of tables"),
        ('name = "x"\nexercise = []\n', "routines/mine.toml:2: no exercises"),
        ('name = 5\n[[exercise]]\nname = "a"\nreps = 1\n', "routines/mine.toml:1: name must be text, got a whole number"),
        ('name = "  "\n[[exercise]]\nname = "a"\nreps = 1\n', "routines/mine.toml:1: name must not be empty"),
        ('name = "x"\nlead_in = "1:75"\n[[exercise]]\nname = "a"\nreps = 1\n', "routines/mine.toml:2: lead_in: cannot read"),
        ('name = "x"\nrest_between = 1e400\n[[exercise]]\nname = "a"\nreps = 1\n', "routines/mine.toml:2: rest_between: duration must be a finite"),
        ('name = "x"\n[[exercise]]\nname = "a"\nreps = 1\n[[exercise.step]]\n', "routines/mine.toml:5: exercise 1 (\"a\"), step 1: 'name' is required"),
    ],
)
def test_file_level_errors(text, expected):
    found = messages(text)
    assert found[0].startswith(expected), found


def test_non_utf8_is_located():
    result = load_bytes(b'name = "caf\xe9"\n', "r.toml", "r")
    assert [str(p) for p in result.problems] == ["r.toml:1:12: not UTF-8 text (byte 0xe9); save the file as UTF-8"]


def test_binary_file_is_refused():
    result = load_bytes(b"\x7fELF\x02\x01\x01\x00\x00", "r.toml", "r")
    assert str(result.problems[0]) == "r.toml:1:8: not a text file (it contains a NUL byte)"


def test_deep_nesting_does_not_crash():
    result = load_bytes(b"x = " + b"[" * 100_000 + b"]" * 100_000, "r.toml", "r")
    assert result.routine is None
    assert "nested too deeply" in str(result.problems[0]) or "invalid TOML" in str(result.problems[0])


def test_huge_integer_is_an_error_not_a_crash():
    result = load_bytes(b"name = 'x'\nlead_in = " + b"9" * 5000 + b"\n", "r.toml", "r")
    assert result.routine is None and "invalid TOML" in str(result.problems[0])


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    result = load_file(path)
    assert str(result.problems[0]) == f"{path}: file is over 1 MiB; a routine file cannot be that large"


def test_too_many_exercises_is_refused():
    text = 'name = "x"\n' + '[[exercise]]\nname = "a"\nreps = 1\n' * 501
    (message,) = messages(text)
    assert message == "routines/mine.toml:1: too many exercises: 501 (a routine may have at most 500)"
    assert load('name = "x"\n' + '[[exercise]]\nname = "a"\nreps = 1\n' * 500).routine is not None


def test_absurdly_long_routine_is_refused():
    text = 'name = "x"\n' + '[[exercise]]\nname = "a"\nsets = 100\nreps = 1000\n' * 2
    (message,) = messages(text)
    assert "routine is too long: 200,000 reps and holds" in message


def test_missing_file_and_folder(tmp_path):
    assert "cannot read the file: No such file or directory" in str(load_file(tmp_path / "nope.toml").problems[0])
    assert "is a folder" in str(load_file(tmp_path).problems[0])


def test_control_characters_are_stripped_from_every_string():
    routine = load(
        r'''
        name = "Evil\u001b]52;c;aGk=\u0007 routine\u009b"
        description = "line one\nline two\u001b[2J\r\n"
        source = "\u202eevil"
        [[exercise]]
        name = "Clams\u0000\u0008"
        instructions = "tab\tkept"
        cues = ["\u001b[31mred"]
        equipment = ["band\u007f"]
        harder = "\u0085more"
        sides = ["le\u001bft", "right"]
        reps = 1
          [[exercise.step]]
          name = "st\u009dep"
        '''
    ).routine
    assert routine.name == "Evil]52;c;aGk= routine"
    assert routine.description == "line one\nline two[2J"
    assert routine.source == "evil"
    exercise = routine.exercises[0]
    assert exercise.name == "Clams" and exercise.instructions == "tab\tkept"
    assert exercise.cues == ("[31mred",) and exercise.equipment == ("band",) and exercise.harder == "more"
    assert exercise.sides == ("left", "right") and exercise.steps[0].name == "step"


def test_markup_in_names_is_kept_literally_in_messages():
    (message,) = messages('name = "x"\n[[exercise]]\nname = "[/bold] [@click=app.quit]"\nreps = 0\n')
    assert '("[/bold] [@click=app.quit]")' in message


def test_error_messages_carry_no_control_characters():
    found = messages('name = "x"\n[[exercise]]\nname = "a\\u001b[2J"\n"k\\u001b]0;t" = 1\nreps = 1\n')
    assert all("\x1b" not in message for message in found)


def test_windows_line_endings_and_a_byte_order_mark_load_with_right_lines():
    text = '\ufeffname = "x"\r\n\r\n[[exercise]]\r\nname = "a"\r\nreps = 0\r\n'
    result = load_bytes(text.encode("utf-8"), "w.toml", "w")
    assert [str(p) for p in result.problems] == [
        'w.toml:5: exercise 1 ("a"): reps must be a whole number from 1 to 1,000, got 0'
    ]
    fixed = load_bytes(text.replace("reps = 0", "reps = 2").encode("utf-8"), "w.toml", "w")
    assert fixed.routine.exercises[0].reps == 2


def test_inline_exercise_tables_point_at_the_exercise_key():
    text = 'name = "x"\n\nexercise = [\n  {name = "a", reps = 0},\n]\n'
    (message,) = messages(text)
    assert message.startswith('routines/mine.toml:3: exercise 1 ("a"): reps must be')


@pytest.mark.parametrize(
    "body, hint",
    [
        ("rpes = 10", "did you mean 'reps'"),  # a swap of two letters, not 'rest': 10 reps, not a 10 s rest
        ("stes = 2", "did you mean 'sets'"),  # not 'step'
        ('hodl = "5s"', "did you mean 'hold'"),
        ("paced = true\npacd = false", "did you mean 'paced'"),
        ("eqiupment = [\"band\"]", "did you mean 'equipment'"),
        ("repetitions = 10", "unknown key 'repetitions'"),  # nothing close: no guess
    ],
)
def test_did_you_mean_counts_swapped_letters_and_never_turns_a_count_into_a_duration(body, hint):
    text = f'name = "x"\n[[exercise]]\nname = "Clams"\nhold = 1\n{body}\n'
    result = load_bytes(text.encode(), "mine.toml", "mine")
    (problem,) = result.problems
    assert hint in str(problem)
    if "repetitions" in body:
        assert "did you mean" not in str(problem)


def test_an_unknown_table_is_reported_at_its_own_line():
    text = 'name = "x"\n[[exercises]]\nname = "Clams"\nreps = 2\n'
    problems = [str(p) for p in load_bytes(text.encode(), "mine.toml", "mine").problems]
    assert "mine.toml:2: unknown key 'exercises' (did you mean 'exercise'?)" in problems
    text = 'name = "x"\n[[exercise]]\nname = "Clams"\nreps = 2\n\n[[exercise.stepp]]\nname = "a"\n'
    problems = [str(p) for p in load_bytes(text.encode(), "mine.toml", "mine").problems]
    assert problems[0].startswith("mine.toml:6: exercise 1 (\"Clams\"): unknown key 'stepp' (did you mean 'step'?)")


def test_a_figure_is_a_move_of_the_library_and_steps_inherit_it():
    text = """\
        name = "x"
        [[exercise]]
        name = "90-90s"
        figure = "90-90-flexed-lift"
        reps = 2
          [[exercise.step]]
          name = "Flexed"
          [[exercise.step]]
          name = "Toes down"
          figure = "90-90-toes-down"
        [[exercise]]
        name = "No drawing"
        reps = 2
        """
    routine = load(text).routine
    first, second = routine.exercises
    assert first.figure == "90-90-flexed-lift"
    assert [step.figure for step in first.steps] == ["90-90-flexed-lift", "90-90-toes-down"]
    assert second.figure == ""


@pytest.mark.parametrize(
    "value, expected",
    [
        ('"it band roller"', 'unknown figure "it band roller" (did you mean \'it-band-roll\'?); it runs without'),
        ('"handstand"', 'unknown figure "handstand" (`kneetimer figures` lists them); it runs without a figure'),
    ],
)
def test_an_unknown_figure_is_a_located_warning_with_a_guess(value, expected):
    text = f'name = "x"\n[[exercise]]\nname = "Clams"\nfigure = {value}\nreps = 2\n'
    result = load_bytes(text.encode(), "mine.toml", "mine")
    assert result.ok and result.routine.exercises[0].figure == ""
    (warning,) = result.warnings
    assert str(warning).startswith('mine.toml:4: exercise 1 ("Clams"): ') and expected in str(warning)


def test_a_figure_of_the_wrong_kind_is_an_error():
    text = 'name = "x"\n[[exercise]]\nname = "Clams"\nfigure = 3\nreps = 2\n'
    (message,) = messages(text)
    assert 'mine.toml:4: exercise 1 ("Clams"): figure must be text, got a whole number' in message


def test_a_figure_written_as_people_say_it_is_understood():
    text = 'name = "x"\n[[exercise]]\nname = "Clams"\nfigure = "clams"\nreps = 2\n'
    result = load_bytes(text.encode(), "mine.toml", "mine")
    assert result.routine.exercises[0].figure == "clam" and not result.warnings


def test_a_step_figure_warning_names_the_step():
    text = 'name = "x"\n[[exercise]]\nname = "Clams"\nreps = 2\n[[exercise.step]]\nname = "a"\nfigure = "clam-bnad"\n'
    result = load_bytes(text.encode(), "routines/mine.toml", "mine")
    (warning,) = result.warnings
    assert str(warning).startswith('routines/mine.toml:7: exercise 1 ("Clams"), step 1 ("a"): unknown figure "clam-bnad"')
    assert "did you mean 'clam-band'" in str(warning)
