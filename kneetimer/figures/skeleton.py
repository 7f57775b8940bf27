"""A pose as joint angles, and the points of the body it puts where.

The figure lives in the picture plane (x to the right, y up; the unit is the trunk's
length). Angles are in degrees, counter-clockwise. `trunk` is the direction from the
pelvis to the neck (90 upright, 180 lying with the head to the left); every other
angle is relative to its parent segment, so a keyframe reads like a physio's
description: hip flexed 90, knee bent 90. Mirroring (the other side) is done on the
points, so the library only describes one side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from enum import StrEnum


class View(StrEnum):
    """Where the figure is seen from; it sets how far apart the hips and shoulders are drawn."""

    SIDE = "side"
    FRONT = "front"
    ABOVE = "above"


# Segment lengths in trunk lengths, from adult proportions, rounded.
NECK = 0.12
HEAD_RADIUS = 0.24
THIGH = 0.92
SHIN = 0.88
FOOT = 0.28
UPPER_ARM = 0.6
FOREARM = 0.58
HALF_HIPS = {View.SIDE: 0.0, View.FRONT: 0.16, View.ABOVE: 0.16}
HALF_SHOULDERS = {View.SIDE: 0.0, View.FRONT: 0.24, View.ABOVE: 0.24}


@dataclass(frozen=True)
class Pose:
    """Joint angles of one moment of a move. The working leg is `hip`/`knee`/`ankle`; the
    near arm is `shoulder`/`elbow`. The lengths below 1 draw a limb foreshortened, for a
    limb pointing towards the viewer."""

    trunk: float = 90.0
    head: float = 0.0  # the neck, bent from the trunk's line
    tilt: float = 0.0  # the line of the hips, turned from square to the trunk (a hip hike)
    hip: float = 0.0  # thigh from the trunk's line continued down; + is forwards
    knee: float = 0.0  # + bends the shin back
    ankle: float = 90.0  # the foot from the shin; 90 is a foot at a right angle
    other_hip: float = 0.0
    other_knee: float = 0.0
    other_ankle: float = 90.0
    shoulder: float = 0.0  # upper arm from the trunk's line continued down; + is forwards
    elbow: float = 0.0  # + bends the forearm forwards
    other_shoulder: float = 0.0
    other_elbow: float = 0.0
    thigh: float = 1.0  # drawn length of the working thigh, as a fraction
    shin: float = 1.0
    foot: float = 1.0
    other_thigh: float = 1.0
    other_shin: float = 1.0
    other_foot: float = 1.0
    roll: float = 0.5  # where a foam roller sits along the limb the move names (0 to 1)


_ANGLES = tuple(field.name for field in fields(Pose))


def between(start: Pose, end: Pose, fraction: float) -> Pose:
    """The pose `fraction` of the way from `start` to `end`, every angle moving evenly."""
    values = {name: getattr(start, name) + (getattr(end, name) - getattr(start, name)) * fraction
              for name in _ANGLES}
    return Pose(**values)


Point = tuple[float, float]


def _toward(origin: Point, degrees: float, length: float) -> Point:
    radians = math.radians(degrees)
    return origin[0] + length * math.cos(radians), origin[1] + length * math.sin(radians)


def joints(pose: Pose, view: View) -> dict[str, Point]:
    """Every named point of the body for `pose`, with the pelvis at (0, 0)."""
    pelvis = (0.0, 0.0)
    points: dict[str, Point] = {"pelvis": pelvis}
    neck = _toward(pelvis, pose.trunk, 1.0)
    points["neck"] = neck
    points["head"] = _toward(neck, pose.trunk + pose.head, NECK + HEAD_RADIUS)
    down = pose.trunk + 180
    across = pose.trunk - 90 + pose.tilt
    half_hips, half_shoulders = HALF_HIPS[view], HALF_SHOULDERS[view]
    legs = (("", 1.0, pose.hip, pose.knee, pose.ankle, pose.thigh, pose.shin, pose.foot),
            ("other_", -1.0, pose.other_hip, pose.other_knee, pose.other_ankle, pose.other_thigh,
             pose.other_shin, pose.other_foot))
    for prefix, sign, hip, knee, ankle, thigh, shin, foot in legs:
        hip_point = _toward(pelvis, across, sign * half_hips)
        thigh_angle = down + hip
        knee_point = _toward(hip_point, thigh_angle, THIGH * thigh)
        shin_angle = thigh_angle - knee
        ankle_point = _toward(knee_point, shin_angle, SHIN * shin)
        points[prefix + "hip"] = hip_point
        points[prefix + "knee"] = knee_point
        points[prefix + "ankle"] = ankle_point
        points[prefix + "toe"] = _toward(ankle_point, shin_angle + ankle, FOOT * foot)
    arms = (("", 1.0, pose.shoulder, pose.elbow), ("other_", -1.0, pose.other_shoulder, pose.other_elbow))
    for prefix, sign, shoulder, elbow in arms:
        shoulder_point = _toward(neck, pose.trunk - 90, sign * half_shoulders)
        upper_angle = down + shoulder
        elbow_point = _toward(shoulder_point, upper_angle, UPPER_ARM)
        points[prefix + "shoulder"] = shoulder_point
        points[prefix + "elbow"] = elbow_point
        points[prefix + "hand"] = _toward(elbow_point, upper_angle + elbow, FOREARM)
    return points


def along(points: dict[str, Point], name: str) -> Point:
    """A named point, or a point part of the way along a limb: "knee>ankle@0.3"."""
    if ">" not in name:
        return points[name]
    start, rest = name.split(">")
    end, _, fraction = rest.partition("@")
    share = float(fraction or 0.5)
    (x0, y0), (x1, y1) = points[start], points[end]
    return x0 + (x1 - x0) * share, y0 + (y1 - y0) * share
