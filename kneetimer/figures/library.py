"""The named moves a routine can show with `figure = "..."`: keyframes of joint angles.

Each move is a few poses (start, end, and any in between) seen from one view, drawn
for one side (`side`: the leg the keyframes show working); the other side is its
mirror image. The start is where a rep begins and a release returns to; the end is
the position held. Angles follow skeleton.py: trunk 90 is upright, 180 is lying
with the head to the left; hips and shoulders + forwards, knees + bent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from kneetimer.figures.skeleton import Pose, View, between


class Prop(StrEnum):
    """What the move uses besides the body: nothing, a band, a foam roller, a step."""

    NONE = ""
    ROLLER = "foam roller"
    STEP = "step"
    BAND = "band"
    WALL = "wall"


@dataclass(frozen=True)
class Move:
    """A named move: its view, its keyframes of joint angles, its prop and which side works."""

    name: str
    title: str
    view: View
    side: str  # "right" or "left": the side the keyframes show
    keyframes: tuple[Pose, ...]
    ground: tuple[str, ...]  # points resting on the floor
    working: str  # what the bright leg is, in words
    prop: Prop = Prop.NONE
    prop_at: str = ""  # the roller's limb ("other_hip>other_knee") or the foot on the step
    on_prop: tuple[str, ...] = ()  # points resting on the roller or the step
    band: tuple[str, str] = ("", "")  # where a band goes round the legs

    def pose_at(self, fraction: float) -> Pose:
        """The pose `fraction` (0-1) of the way through the keyframes, eased in and out of
        each one, as a body slows into a position."""
        frames = self.keyframes
        if len(frames) == 1:
            return frames[0]
        position = max(0.0, min(1.0, fraction)) * (len(frames) - 1)
        index = min(int(position), len(frames) - 2)
        share = position - index
        return between(frames[index], frames[index + 1], (1 - math.cos(math.pi * share)) / 2)

    @property
    def seen_from(self) -> str:
        """The view in words: "from the side", "from the front", "from above"."""
        return "from above" if self.view is View.ABOVE else f"from the {self.view}"

    @property
    def moves(self) -> bool:
        return len(self.keyframes) > 1


# Lying on the side, seen from the front, head to the left: lying on the right side, so
# the top leg is the left one. The thighs and shins of bent legs point partly towards the
# viewer, so they are drawn shorter.
_SIDE_LYING = Pose(trunk=180, head=0, other_shoulder=175, other_elbow=-150, shoulder=-80, elbow=20,
                   foot=0.35, other_foot=0.35, ankle=90, other_ankle=90)
# Clam: hips bent about 45 and knees about 90, heels together. Seen from in front and a
# little above, a thigh coming towards you slants down and its shin slants back up to
# the heel, so each bent leg is a shallow V; the top knee opens upwards, the heels stay.
_CLAM_CLOSED = Pose(**{**_SIDE_LYING.__dict__, "thigh": 0.8, "other_thigh": 0.8, "hip": -20, "knee": -40,
                       "other_hip": -20, "other_knee": -40, "ankle": -100, "other_ankle": -100})
_CLAM_OPEN = Pose(**{**_CLAM_CLOSED.__dict__, "hip": 25, "knee": 51, "ankle": -64})
_LEG_DOWN = Pose(**{**_SIDE_LYING.__dict__, "hip": 3, "ankle": 95})
_LEG_UP = Pose(**{**_SIDE_LYING.__dict__, "hip": 32, "ankle": 95})

# 90-90: lying on the side, seen from in front and a little above; the bottom hip and
# knee bent to 90 (the thigh points at the viewer, drawn short and slanting down), the
# top leg straight out in front, slanting down a little; it lifts towards the ceiling.
# The top foot is drawn larger than life, so flexed (toes back towards the head),
# pointed (in line with the leg) and toes turned down read apart at a glance.
_NINETY = Pose(trunk=180, other_shoulder=175, other_elbow=-150, shoulder=-80, elbow=20,
               other_hip=-40, other_thigh=0.45, other_knee=-40, other_foot=0.4,
               hip=-12, thigh=0.7, shin=0.7, knee=0, ankle=150, foot=1.8)
_NINETY_LIFTED = Pose(**{**_NINETY.__dict__, "hip": 14})
_NINETY_POINTED = {"ankle": 0.0}
_NINETY_TOES_DOWN = Pose(**{**_NINETY.__dict__, "ankle": -78})
_NINETY_TURNING = Pose(**{**_NINETY.__dict__, "ankle": 36, "foot": 0.3})  # the foot turning, seen end on

# Standing, seen from the side, facing right: the near leg is the right one.
_STAND = Pose(trunk=90, knee=4, other_knee=4, shoulder=6, elbow=8, other_shoulder=-6, other_elbow=8)

MOVES: dict[str, Move] = {}


def _add(move: Move) -> None:
    MOVES[move.name] = move


_add(Move(
    "clam", "Clam", View.FRONT, "left", (_CLAM_CLOSED, _CLAM_OPEN),
    ground=("other_hip", "other_shoulder", "other_elbow", "other_knee", "other_ankle"),
    working="the top knee opens; the feet stay together",
))
_add(Move(
    "clam-band", "Clam with a band", View.FRONT, "left", (_CLAM_CLOSED, _CLAM_OPEN),
    ground=("other_hip", "other_shoulder", "other_elbow", "other_knee", "other_ankle"),
    working="the top knee opens against the band",
    prop=Prop.BAND, band=("hip>knee@0.85", "other_hip>other_knee@0.85"),
))
_add(Move(
    "side-leg-lift", "Side-lying leg lift", View.FRONT, "left", (_LEG_DOWN, _LEG_UP),
    ground=("other_hip", "other_shoulder", "other_elbow", "other_knee", "other_ankle"),
    working="the straight top leg lifts",
))
_add(Move(
    "90-90-flexed-lift", "90-90: foot flexed, lift", View.FRONT, "left",
    (_NINETY, _NINETY_LIFTED),
    ground=("other_hip", "other_shoulder", "other_elbow", "other_ankle"),
    working="the straight top leg, out in front, lifts; toes pulled up",
))
_add(Move(
    "90-90-pointed-lift", "90-90: foot pointed, lift", View.FRONT, "left",
    (Pose(**{**_NINETY.__dict__, **_NINETY_POINTED}), Pose(**{**_NINETY_LIFTED.__dict__, **_NINETY_POINTED})),
    ground=("other_hip", "other_shoulder", "other_elbow", "other_ankle"),
    working="the straight top leg, out in front, lifts; toes pointed",
))
_add(Move(
    "90-90-toes-down", "90-90: foot flexed, toes turn down", View.FRONT, "left",
    (_NINETY, _NINETY_TURNING, _NINETY_TOES_DOWN),
    ground=("other_hip", "other_shoulder", "other_elbow", "other_ankle"),
    working="the top leg turns in, so the toes point to the floor",
))
_add(Move(
    "glute-step-back", "Glute step back", View.SIDE, "right",
    (_STAND, Pose(trunk=88, hip=22, knee=26, ankle=94, other_hip=-34, other_knee=12, other_ankle=120,
                  shoulder=20, elbow=20, other_shoulder=-20, other_elbow=20)),
    ground=("ankle", "toe", "other_toe"),
    working="the front leg, knee soft over the heel; the other foot steps back",
))
_add(Move(
    "single-leg-deadlift", "Single-leg deadlift", View.SIDE, "right",
    (Pose(trunk=90, knee=6, other_hip=-8, other_knee=60, other_ankle=100, shoulder=12, other_shoulder=8),
     Pose(trunk=10, hip=82, knee=12, ankle=100, other_hip=-2, other_knee=0, other_ankle=90,
          shoulder=80, other_shoulder=80)),
    ground=("ankle", "toe"),
    working="the standing leg; the free leg reaches back as the body tips forward",
))
_add(Move(
    "single-leg-deadlift-reach", "Single-leg deadlift, arms overhead", View.SIDE, "right",
    (Pose(trunk=90, knee=6, other_hip=90, other_knee=90, other_ankle=100, shoulder=150, other_shoulder=146),
     Pose(trunk=10, hip=82, knee=12, ankle=100, other_hip=-2, other_knee=0, other_ankle=90,
          shoulder=150, other_shoulder=146)),  # overhead and a little forward: the head stays in view
    ground=("ankle", "toe"),
    working="the standing leg; the lifted knee swings back as the body tips forward",
))
_add(Move(
    "single-leg-squat", "Shallow single-leg squat", View.SIDE, "right",
    (Pose(trunk=90, knee=5, other_hip=15, other_knee=80, other_ankle=100, shoulder=60, other_shoulder=55),
     Pose(trunk=78, hip=42, knee=62, ankle=122, other_hip=20, other_knee=85, other_ankle=100,
          shoulder=75, other_shoulder=70)),
    ground=("ankle", "toe"),
    working="the standing leg bends a little, a quarter squat at most",
))
_add(Move(  # facing you: "to the right" steps to the screen's right, as in a mirror
    "lateral-band-walk", "Lateral band walk", View.FRONT, "right",
    (Pose(trunk=90, hip=6, other_hip=-6, thigh=0.92, other_thigh=0.92, ankle=90, other_ankle=-90,
          foot=0.45, other_foot=0.45, shoulder=18, elbow=0, other_shoulder=-18),
     Pose(trunk=90, hip=26, other_hip=-8, thigh=0.92, other_thigh=0.92, ankle=90, other_ankle=-90,
          foot=0.45, other_foot=0.45, shoulder=18, elbow=0, other_shoulder=-18)),
    ground=("toe", "ankle", "other_toe", "other_ankle"),
    working="the leading leg steps out against the band",
    prop=Prop.BAND, band=("knee>ankle@0.45", "other_knee>other_ankle@0.45"),
))
_add(Move(
    "pelvic-drop", "Pelvic lift and lower on a step", View.FRONT, "left",
    # A real drop is a few centimetres; drawn to scale it moves a pixel. So the tilt is
    # drawn larger than life and the free leg longer (dropped) or shorter (lifted), which
    # shows what a person should see: the free foot dips below the step, then rises above it.
    (Pose(trunk=90, tilt=30, hip=2, knee=3, other_hip=-8, other_knee=4, other_thigh=1.2, ankle=90,
          other_ankle=-90, foot=0.45, other_foot=0.45, shoulder=15, other_shoulder=-15),
     Pose(trunk=90, tilt=-30, hip=2, knee=3, other_hip=-8, other_knee=4, other_thigh=0.8, ankle=90,
          other_ankle=-90, foot=0.45, other_foot=0.45, shoulder=15, other_shoulder=-15)),
    ground=(), on_prop=("ankle", "toe"),
    working="the standing leg, on the step; the free side of the pelvis lifts",
    prop=Prop.STEP, prop_at="ankle",
))
_add(Move(
    "it-band-stretch-standing", "IT band stretch, standing", View.FRONT, "left",
    (Pose(trunk=90, hip=3, other_hip=-3, ankle=90, other_ankle=-90, foot=0.45, other_foot=0.45,
          shoulder=10, other_shoulder=-10),
     Pose(trunk=104, hip=-22, other_hip=12, ankle=90, other_ankle=-90, foot=0.45, other_foot=0.45,
          shoulder=20, other_shoulder=-160, other_elbow=-20)),
    ground=("toe", "ankle", "other_toe", "other_ankle"),
    working="the leg crossed behind; the hips lean towards it",
))
# Lying on the side, seen from above, so the bends of hip and knee are in the picture;
# the front of the body faces down the screen. Both knees bent in front; then the top
# hand reaches behind, takes the top foot and draws the heel to the buttock.
_add(Move(
    "it-band-stretch-lying", "IT band stretch, lying", View.ABOVE, "right",
    (Pose(trunk=180, hip=-45, knee=-90, ankle=10, other_hip=-45, other_knee=-90, other_ankle=10,
          shoulder=-40, elbow=-30, other_shoulder=-170, other_elbow=150),
     Pose(trunk=180, hip=15, knee=-150, ankle=20, other_hip=-45, other_knee=-90, other_ankle=10,
          shoulder=23, elbow=0, other_shoulder=-170, other_elbow=150)),
    ground=("other_knee",),
    working="the top leg: the hand behind draws its heel to the buttock, the hip stretched back",
))
_add(Move(
    "it-band-roll", "IT band on the foam roller", View.FRONT, "right",
    (Pose(trunk=166, tilt=180, other_shoulder=-80, other_elbow=-95, shoulder=20, elbow=10, roll=0.85,
          other_hip=-30, other_knee=-70, other_thigh=0.7, other_shin=0.8, other_foot=0.4, foot=0.35),
     Pose(trunk=166, tilt=180, other_shoulder=-80, other_elbow=-95, shoulder=20, elbow=10, roll=0.15,
          other_hip=-30, other_knee=-70, other_thigh=0.7, other_shin=0.8, other_foot=0.4, foot=0.35)),
    ground=("other_elbow", "other_hand", "other_toe"),
    working="the bottom leg, on the roller, which rolls from just above the knee to the hip",
    prop=Prop.ROLLER, prop_at="hip>knee",
))
_add(Move(
    "roller-hip-stretch", "Foam roller hip stretch", View.SIDE, "right",
    (Pose(trunk=196, head=8, hip=60, knee=115, other_hip=60, other_knee=115, shoulder=20, other_shoulder=15),
     Pose(trunk=196, head=8, hip=125, knee=135, other_hip=60, other_knee=115, shoulder=120, elbow=30,
          other_shoulder=110, other_elbow=30),
     Pose(trunk=196, head=8, hip=95, knee=5, ankle=80, other_hip=60, other_knee=115, shoulder=100, elbow=10,
          other_shoulder=95, other_elbow=10)),
    ground=("neck", "other_toe", "other_ankle"),
    working="the leg drawn to the chest, then straightened and held",
    prop=Prop.ROLLER, prop_at="pelvis",
))

# Lying on the back, seen from the side, head to the left: knees bent, feet flat.
_BACK = Pose(trunk=180, hip=50, knee=110, ankle=60, other_hip=50, other_knee=110, other_ankle=60,
             shoulder=0, other_shoulder=0)
_BRIDGE_UP = Pose(trunk=200, hip=0, knee=100, ankle=80, other_hip=0, other_knee=100, other_ankle=80,
                  shoulder=-20, other_shoulder=-20)
_add(Move(
    "bridge", "Bridge", View.SIDE, "right", (_BACK, _BRIDGE_UP),
    ground=("neck", "ankle", "toe", "other_ankle", "other_toe"),
    working="both legs push the hips up until shoulders, hips and knees are in a line",
))
_add(Move(
    "single-leg-bridge", "Single-leg bridge", View.SIDE, "right",
    (Pose(**{**_BACK.__dict__, "other_hip": 50, "other_knee": 0, "other_ankle": 90}),
     Pose(**{**_BRIDGE_UP.__dict__, "other_hip": 0, "other_knee": 0, "other_ankle": 90})),
    ground=("neck", "ankle", "toe"),
    working="the bent leg pushes the hips up; the other stays straight, in line",
))
# Side plank, seen from the front, lying on the right side (head to the left), on the forearm.
_add(Move(
    "side-plank", "Side plank", View.FRONT, "left",
    (Pose(trunk=150, hip=30, other_hip=30, other_shoulder=-60, other_elbow=-90, shoulder=-30, elbow=0,
          ankle=90, other_ankle=90, foot=0.35, other_foot=0.35),
     Pose(trunk=168, hip=0, other_hip=0, other_shoulder=-78, other_elbow=-90, shoulder=-30, elbow=0,
          ankle=90, other_ankle=90, foot=0.35, other_foot=0.35)),
    ground=("other_elbow", "other_hand", "ankle", "other_ankle", "other_hip"),
    working="on the forearm, the hips lift off the floor until the body is straight from head to feet",
))
_add(Move(
    "standing-hip-abduction", "Standing hip abduction", View.FRONT, "left",
    (Pose(trunk=90, hip=3, other_hip=-3, ankle=90, other_ankle=-90, foot=0.45, other_foot=0.45,
          shoulder=12, other_shoulder=-12),
     Pose(trunk=92, hip=32, other_hip=-3, ankle=90, other_ankle=-90, foot=0.45, other_foot=0.45,
          shoulder=12, other_shoulder=-12)),
    ground=("other_toe", "other_ankle"),
    working="the straight leg lifts out to the side; the body stays upright",
))
_add(Move(
    "monster-walk", "Monster walk", View.SIDE, "right",
    (Pose(trunk=80, hip=25, knee=35, ankle=100, other_hip=15, other_knee=35, other_ankle=100, shoulder=30,
          elbow=40, other_shoulder=20, other_elbow=40),
     Pose(trunk=80, hip=50, knee=40, ankle=100, other_hip=0, other_knee=30, other_ankle=110, shoulder=20,
          elbow=40, other_shoulder=30, other_elbow=40)),
    ground=("ankle", "toe", "other_ankle", "other_toe"),
    working="half squatting, the leading leg steps forward and out against the band",
    prop=Prop.BAND, band=("knee>ankle@0.3", "other_knee>other_ankle@0.3"),
))
_add(Move(
    "step-up", "Step-up", View.SIDE, "right",
    (Pose(trunk=84, hip=62, knee=78, ankle=106, other_hip=-4, other_knee=4, shoulder=10, other_shoulder=-10),
     Pose(trunk=90, hip=2, knee=2, ankle=90, other_hip=40, other_knee=70, other_ankle=100, shoulder=-10,
          other_shoulder=10)),
    ground=("other_ankle",), on_prop=("ankle", "toe"),
    working="the leg on the step straightens and lifts you onto it",
    prop=Prop.STEP, prop_at="ankle",
))
_add(Move(
    "wall-sit", "Wall sit", View.SIDE, "right",
    (Pose(trunk=90, hip=40, knee=40, ankle=90, other_hip=40, other_knee=40, other_ankle=90, shoulder=5,
          other_shoulder=5),
     Pose(trunk=90, hip=85, knee=85, ankle=90, other_hip=85, other_knee=85, other_ankle=90, shoulder=5,
          other_shoulder=5)),
    ground=("ankle", "toe", "other_ankle", "other_toe"),
    working="both thighs; the back stays flat against the wall",
    prop=Prop.WALL,
))

# On hands and knees, seen from the side, head to the left: the arms are longer than the
# thighs, so the back slopes up a little towards the shoulders.
_ALL_FOURS = Pose(trunk=165, head=12, hip=-75, knee=-90, ankle=-5, other_hip=-75, other_knee=-90, other_ankle=-5,
                  shoulder=-75, other_shoulder=-75)
_add(Move(
    "donkey-kick", "Donkey kick (hip extension on all fours)", View.SIDE, "right",
    (_ALL_FOURS, Pose(**{**_ALL_FOURS.__dict__, "hip": 15, "ankle": -80})),
    ground=("other_knee", "other_toe", "hand", "other_hand"),
    working="the knee stays bent as the thigh lifts back to level with the back, sole to the ceiling",
))

# Other names people give the moves: a routine may use them.
ALIASES = {
    "clams": "clam", "clamshell": "clam", "clamshells": "clam", "clam-shell": "clam",
    "side-lying-leg-raise": "side-leg-lift", "side-leg-raise": "side-leg-lift", "side-lying-leg-lift": "side-leg-lift",
    "hip-hike": "pelvic-drop", "pelvic-lift": "pelvic-drop", "glute-bridge": "bridge", "hip-bridge": "bridge",
    "side-bridge": "side-plank", "hip-abduction": "standing-hip-abduction", "band-walk": "lateral-band-walk",
    "crab-walk": "lateral-band-walk", "foam-roller": "it-band-roll", "wall-squat": "wall-sit",
    "glute-kickback": "donkey-kick", "kickback": "donkey-kick", "quadruped-hip-extension": "donkey-kick",
}

FIGURE_NAMES = tuple(MOVES)
