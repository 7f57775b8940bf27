"""The redrawn moves show what their protocols say (issue 25.1), checked on the joints
of their keyframes rather than by eye: the numbers a picture must get right."""

from __future__ import annotations

import math

from kneetimer.figures.library import MOVES
from kneetimer.figures.skeleton import joints


def points_at(name: str, frame: int):
    move = MOVES[name]
    return joints(move.keyframes[frame], move.view)


def test_clam_heels_stay_together_while_the_top_knee_opens_upwards():
    closed, opened = points_at("clam", 0), points_at("clam", -1)
    for pose in (closed, opened):
        assert math.dist(pose["ankle"], pose["other_ankle"]) < 0.35  # heels together
    assert opened["knee"][1] - closed["knee"][1] > 0.4  # the top knee lifts
    assert closed["other_knee"] == opened["other_knee"]  # the bottom leg stays


def test_clam_knees_are_bent_not_straight():
    for frame in (0, -1):
        pose = MOVES["clam"].keyframes[frame]
        assert abs(pose.knee) >= 40 and abs(pose.other_knee) >= 40


def test_lying_it_band_stretch_the_hand_holds_the_heel_behind_the_hip():
    start, held = points_at("it-band-stretch-lying", 0), points_at("it-band-stretch-lying", -1)
    assert math.dist(held["hand"], held["ankle"]) < 0.15
    assert math.dist(start["hand"], start["ankle"]) > 0.5
    # behind the body: the front faces down the screen, so the heel goes up, past the hips
    assert held["ankle"][1] > held["pelvis"][1] + 0.3 and held["ankle"][1] > start["ankle"][1] + 0.3


def test_pelvic_drop_the_free_foot_dips_below_the_step_then_rises_above_it():
    """The standing foot is on the step, so its height is the step's top."""
    def above_the_step(frame: int) -> float:
        pose = points_at("pelvic-drop", frame)
        return pose["other_ankle"][1] - min(pose["ankle"][1], pose["toe"][1])

    assert above_the_step(0) < -0.1 and above_the_step(-1) > 0.1


def test_seen_from_reads_as_words():
    assert MOVES["it-band-stretch-lying"].seen_from == "from above"
    assert MOVES["clam"].seen_from == "from the front"


def test_ninety_ninety_feet_read_apart_flexed_pointed_and_toes_down():
    flexed, pointed, toes_down = (points_at("90-90-flexed-lift", 0), points_at("90-90-pointed-lift", 0),
                                  points_at("90-90-toes-down", -1))
    assert flexed["toe"][0] < flexed["ankle"][0] - 0.2  # toes pulled back, towards the head
    assert pointed["toe"][0] > pointed["ankle"][0] + 0.3  # in line with the leg
    assert toes_down["toe"][1] < toes_down["ankle"][1] - 0.3  # towards the floor


def test_ninety_ninety_lift_raises_the_top_foot_clear():
    assert points_at("90-90-flexed-lift", -1)["ankle"][1] - points_at("90-90-flexed-lift", 0)["ankle"][1] > 0.4


def test_wall_sit_has_a_wall_behind_the_back_up_to_the_shoulders():
    from kneetimer.figures.drawing import TRUNK, Box, shapes
    from kneetimer.figures.library import Prop

    move = MOVES["wall-sit"]
    assert move.prop is Prop.WALL
    for fraction in (0.0, 1.0):
        drawn = shapes(move, fraction)
        (wall,) = [shape for shape in drawn if isinstance(shape, Box)]
        (trunk,) = [shape for shape in drawn if getattr(shape, "width", 0) == TRUNK]
        neck = trunk.end
        assert wall.top >= neck[1] - 0.1 and wall.right <= neck[0] - TRUNK / 2 + 1e-9  # up to the shoulders, behind
