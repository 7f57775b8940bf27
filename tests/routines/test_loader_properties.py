"""Properties of the loader: valid routines load exactly; mangled files never raise."""

from __future__ import annotations

import time

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kneetimer.routines.loader import load_bytes
from kneetimer.routines.model import EACH_SIDES, Hold
from kneetimer.text import clean_line
from tests.conftest import BUNDLED

text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=30
).filter(lambda s: clean_line(s) != "")
seconds = st.integers(min_value=1, max_value=600)
duration = st.one_of(
    seconds,
    seconds.map(lambda s: f"{s}s"),
    seconds.map(lambda s: f"{s // 60}:{s % 60:02d}"),
    seconds.map(lambda s: f"{s // 60}m{s % 60}s" if s >= 60 else f"{s}s"),
)
hold = st.one_of(duration, st.tuples(seconds, seconds).map(lambda p: [f"{min(p)}s", f"{max(p)}s"]))
sides = st.one_of(
    st.just("none"), st.just("each"), st.lists(text, min_size=2, max_size=4, unique_by=clean_line)
)


@st.composite
def exercises(draw):
    exercise = {"name": draw(text)}
    work = draw(st.sampled_from(["reps", "hold", "both"]))
    if work in ("reps", "both"):
        exercise["reps"] = draw(st.integers(1, 20))
    if work in ("hold", "both"):
        exercise["hold"] = draw(hold)
    for key, strategy in {
        "sets": st.integers(1, 4), "sides": sides, "tempo": duration, "paced": st.booleans(),
        "rest": duration, "cues": st.lists(text, max_size=3), "equipment": st.lists(text, max_size=2),
        "instructions": text, "harder": text,
    }.items():
        if draw(st.booleans()):
            exercise[key] = draw(strategy)
    return exercise


@st.composite
def routines(draw):
    routine = {"name": draw(text), "exercise": draw(st.lists(exercises(), min_size=1, max_size=4))}
    for key, strategy in {"description": text, "source": text, "lead_in": duration, "rest_between": duration}.items():
        if draw(st.booleans()):
            routine[key] = draw(strategy)
    return routine


def seconds_of(value) -> float:
    if isinstance(value, int):
        return float(value)
    if ":" in value:
        minutes, secs = value.split(":")
        return int(minutes) * 60 + int(secs)
    total, number = 0.0, ""
    for char in value:
        if char.isdigit():
            number += char
        else:
            total += int(number) * (60 if char == "m" else 1)
            number = ""
    return total


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(routines())
def test_valid_generated_routines_load_to_the_model(document):
    result = load_bytes(tomli_w.dumps(document).encode(), "gen.toml", "gen")
    assert result.problems == []
    routine = result.routine
    assert routine.name == clean_line(document["name"])
    assert routine.lead_in == seconds_of(document.get("lead_in", 5))
    assert routine.rest_between == seconds_of(document.get("rest_between", 10))
    assert len(routine.exercises) == len(document["exercise"])
    for exercise, source in zip(routine.exercises, document["exercise"], strict=True):
        assert exercise.name == clean_line(source["name"])
        assert exercise.reps == source.get("reps")
        assert exercise.sets == source.get("sets", 1)
        assert exercise.paced == source.get("paced", True)
        assert exercise.tempo == seconds_of(source.get("tempo", 3))
        assert exercise.rest == seconds_of(source.get("rest", 0))
        wanted_sides = source.get("sides", "none")
        expected_sides = {"none": (), "each": EACH_SIDES}.get(wanted_sides) if isinstance(wanted_sides, str) else tuple(
            clean_line(label) for label in wanted_sides
        )
        assert exercise.sides == expected_sides
        if "hold" in source:
            raw = source["hold"]
            low, high = (seconds_of(raw[0]), seconds_of(raw[1])) if isinstance(raw, list) else (seconds_of(raw),) * 2
            assert exercise.hold == Hold(low, high)
        else:
            assert exercise.hold is None


sources = [path.read_bytes() for path in BUNDLED]


@st.composite
def mutated_bundled_file(draw):
    data = bytearray(draw(st.sampled_from(sources)))
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "insert", "delete", "duplicate"]))
        position = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data[position] = draw(st.integers(0, 255))
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        else:
            end = position + draw(st.integers(1, 200))
            data[position:position] = data[position:end]
        if not data:
            data = bytearray(b"x")
    return bytes(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_bundled_file())
def test_mutated_bundled_routines_give_a_routine_or_problems_never_an_exception(data):
    started = time.perf_counter()
    result = load_bytes(data, "m.toml", "m")
    assert time.perf_counter() - started < 1.0
    assert (result.routine is None) == bool(result.problems)
    for problem in result.problems:
        text = str(problem)
        assert text.startswith("m.toml")
        assert not any(ord(char) < 32 or 0x7F <= ord(char) <= 0x9F for char in text)


@settings(max_examples=200)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data):
    result = load_bytes(data, "b.toml", "b")
    assert (result.routine is None) == bool(result.problems)
