"""A move at one moment, drawn as pixels: one byte of ink per pixel.

Shapes are worked out in body units (skeleton.py), then fitted into the pixels given:
the same scale for every moment of a move, so the figure never grows or slides while
it moves; the floor is the bottom row. Limbs are stamped discs along each bone,
thick in proportion to the figure so they read from across a room. The TUI turns
two rows of pixels into one row of half-block characters.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from kneetimer.figures.library import Move, Prop
from kneetimer.figures.skeleton import HEAD_RADIUS, Point, View, along, joints

LIMB = 0.17  # a limb's thickness, in trunk lengths
MAX_STROKE_RADIUS = 2.0  # pixels: a large figure gains detail, not bulk (limbs at most 4 pixels thick)
TRUNK = 0.28
ROLLER_RADIUS = 0.24
STEP_HEIGHT = 0.42
STEP_LENGTH = 0.9
WALL_HEIGHT = 3.0  # to the shoulders of a person standing against it
WALL_THICKNESS = 0.14
BOUNDS_SAMPLES = 8  # moments of a move looked at to fix its scale


class Ink(IntEnum):
    """What a pixel of the figure is: nothing, the floor, a prop, the body, or the working leg."""

    NONE = 0
    FLOOR = 1
    PROP = 2  # roller, step, band
    BODY = 3
    WORK = 4  # the working leg, drawn brightest and last


@dataclass(frozen=True)
class Line:
    """A limb or prop drawn as a thick line between two points."""

    start: Point
    end: Point
    ink: Ink
    width: float


@dataclass(frozen=True)
class Disc:
    """A filled circle: the head, or the end of a roller."""

    centre: Point
    radius: float
    ink: Ink


@dataclass(frozen=True)
class Box:
    """A filled rectangle: the step of a step-up."""

    left: float
    bottom: float
    right: float
    top: float
    ink: Ink


Shape = Line | Disc | Box

LEG = (("hip", "knee"), ("knee", "ankle"), ("ankle", "toe"))
ARM = (("shoulder", "elbow"), ("elbow", "hand"))


def shapes(move: Move, fraction: float) -> list[Shape]:
    """The figure and its props at `fraction` (0 start, 1 end) of the move, in body units,
    resting on the floor (y = 0), in drawing order: what is behind comes first."""
    pose = move.pose_at(fraction)
    points = joints(pose, move.view)
    prop_point = _prop_point(move, points, pose.roll)
    supports = [(along(points, name), 0.0) for name in move.ground]
    if move.prop is Prop.ROLLER:
        supports.append((prop_point, 2 * ROLLER_RADIUS))
    supports += [(along(points, name), STEP_HEIGHT) for name in move.on_prop]
    lift = LIMB / 2 + max(height - point[1] for point, height in supports)
    points = {name: (x, y + lift) for name, (x, y) in points.items()}
    drawn: list[Shape] = []
    if move.prop is Prop.ROLLER:
        drawn.append(Disc((prop_point[0], ROLLER_RADIUS), ROLLER_RADIUS, Ink.PROP))
    elif move.prop is Prop.STEP:
        x = prop_point[0]
        drawn.append(Box(x - 0.15, 0.0, x - 0.15 + STEP_LENGTH, STEP_HEIGHT, Ink.PROP))
    elif move.prop is Prop.WALL:  # behind the back, which leans on it: the trunk's line stays at x = 0
        back = -TRUNK / 2
        drawn.append(Box(back - WALL_THICKNESS, 0.0, back, WALL_HEIGHT, Ink.PROP))
    drawn += _limbs(points, "other_", LEG, Ink.BODY)
    drawn += _limbs(points, "other_", ARM, Ink.BODY)
    drawn.append(Line(points["pelvis"], points["neck"], Ink.BODY, TRUNK))
    if move.view is not View.SIDE:
        drawn.append(Line(points["other_hip"], points["hip"], Ink.BODY, TRUNK))
        drawn.append(Line(points["other_shoulder"], points["shoulder"], Ink.BODY, TRUNK))
    drawn.append(Line(points["neck"], points["head"], Ink.BODY, LIMB))
    drawn.append(Disc(points["head"], HEAD_RADIUS, Ink.BODY))
    drawn += _limbs(points, "", ARM, Ink.BODY)
    drawn += _limbs(points, "", LEG, Ink.WORK)
    if move.prop is Prop.BAND:
        first, second = move.band
        drawn.append(Line(along(points, first), along(points, second), Ink.PROP, LIMB * 0.6))
    return drawn


def _prop_point(move: Move, points: dict[str, Point], roll: float) -> Point:
    """Where the roller or step is: under a point, or part of the way along a limb."""
    if move.prop not in (Prop.ROLLER, Prop.STEP):
        return (0.0, 0.0)
    at = move.prop_at
    return along(points, f"{at}@{roll}" if ">" in at else at)


def _limbs(points: dict[str, Point], prefix: str, bones: Iterable[tuple[str, str]], ink: Ink) -> list[Shape]:
    return [Line(points[prefix + start], points[prefix + end], ink, LIMB) for start, end in bones]


def _extent(shape: Shape) -> tuple[float, float, float, float]:
    if isinstance(shape, Line):
        half = shape.width / 2
        xs, ys = (shape.start[0], shape.end[0]), (shape.start[1], shape.end[1])
        return min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half
    if isinstance(shape, Disc):
        (x, y), r = shape.centre, shape.radius
        return x - r, y - r, x + r, y + r
    return shape.left, shape.bottom, shape.right, shape.top


@lru_cache(maxsize=64)
def bounds(move: Move) -> tuple[float, float, float, float]:
    """Left, bottom, right, top of every moment of the move: one frame for all of them."""
    extents = [_extent(shape) for step in range(BOUNDS_SAMPLES + 1)
               for shape in shapes(move, step / BOUNDS_SAMPLES)]
    return (min(e[0] for e in extents), 0.0, max(e[2] for e in extents), max(e[3] for e in extents))


Pixels = tuple[bytes, ...]


def height_needed(move: Move, width: int, height: int) -> int:
    """The pixel rows the move fills when drawn `width` pixels wide and at most `height`
    high: a wide figure in a tall space need not sit at the bottom of it."""
    left, bottom, right, top = bounds(move)
    floor_rows = 1 if move.view is not View.ABOVE else 0
    scale = min((width - 3) / (right - left), (height - floor_rows - 2) / (top - bottom))
    return min(height, math.ceil((top - bottom) * scale) + floor_rows + 3)


@lru_cache(maxsize=2048)
def draw(move: Move, fraction: float, mirrored: bool, width: int, height: int) -> Pixels:
    """The move at `fraction`, `width` x `height` pixels (rows top to bottom), the floor
    in the bottom row; `mirrored` draws the other side."""
    rows = [bytearray(width) for _ in range(height)]
    if width < 4 or height < 4:
        return tuple(bytes(row) for row in rows)
    left, bottom, right, top = bounds(move)
    floor_rows = 1 if move.view is not View.ABOVE else 0
    scale = min((width - 3) / (right - left), (height - floor_rows - 2) / (top - bottom))
    margin_x = (width - (right - left) * scale) / 2
    base = height - 1 - floor_rows

    def pixel(point: Point) -> tuple[float, float]:
        x, y = point
        column = margin_x + (x - left) * scale
        return (width - 1 - column) if mirrored else column, base - (y - bottom) * scale

    for shape in shapes(move, fraction):
        if isinstance(shape, Line):
            radius = min(MAX_STROKE_RADIUS, max(0.5, shape.width * scale / 2))  # lines at every size, not bulk
            _stroke(rows, pixel(shape.start), pixel(shape.end), radius, shape.ink)
        elif isinstance(shape, Disc):
            radius = max(0.5, shape.radius * scale)
            _stamp(rows, pixel(shape.centre), radius, shape.ink)
            if shape.ink is not Ink.PROP and radius > 3 * MAX_STROKE_RADIUS:  # a large head: a ring, not a blob
                _stamp(rows, pixel(shape.centre), radius - 2 * MAX_STROKE_RADIUS, Ink.NONE)
        else:
            (x0, y0), (x1, y1) = pixel((shape.left, shape.top)), pixel((shape.right, shape.bottom))
            _fill(rows, min(x0, x1), y0, max(x0, x1), y1, shape.ink)
    if floor_rows:  # last: whatever rests on the floor stops at it
        rows[height - 1][:] = bytes([Ink.FLOOR]) * width
    return tuple(bytes(row) for row in rows)


@lru_cache(maxsize=64)
def _disc(radius: float) -> tuple[tuple[int, int], ...]:
    reach = math.ceil(radius)
    return tuple((dx, dy) for dy in range(-reach, reach + 1) for dx in range(-reach, reach + 1)
                 if dx * dx + dy * dy <= radius * radius + 0.25)


def _stamp(rows: list[bytearray], centre: tuple[float, float], radius: float, ink: Ink) -> None:
    height, width = len(rows), len(rows[0])
    cx, cy = math.floor(centre[0] + 0.5), math.floor(centre[1] + 0.5)
    for dx, dy in _disc(round(radius * 2) / 2):
        x, y = cx + dx, cy + dy
        if 0 <= x < width and 0 <= y < height:
            rows[y][x] = ink


def _stroke(rows: list[bytearray], start: tuple[float, float], end: tuple[float, float], radius: float,
            ink: Ink) -> None:
    steps = max(1, math.ceil(2 * math.dist(start, end)))
    for step in range(steps + 1):
        share = step / steps
        _stamp(rows, (start[0] + (end[0] - start[0]) * share, start[1] + (end[1] - start[1]) * share),
               radius, ink)


def _fill(rows: list[bytearray], x0: float, y0: float, x1: float, y1: float, ink: Ink) -> None:
    height, width = len(rows), len(rows[0])
    for y in range(max(0, round(y0)), min(height, round(y1) + 1)):
        for x in range(max(0, round(x0)), min(width, round(x1) + 1)):
            rows[y][x] = ink
