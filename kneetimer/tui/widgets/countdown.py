"""The clock face: the countdown, and the rep number beside it (or under it), in block
letters, centred in the space the screen gives it.

One widget draws both, because every widget is painted again when the screen
changes colour; and when only the seconds change, only their rectangle repaints.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.segment import Segment
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from kneetimer.tui.design.blockfont import PLAIN, Fit, render

REP_GAP = 4  # columns between the countdown and the rep number beside it


@dataclass(frozen=True)
class Face:
    """What the clock shows and at what size; `reps` None: no rep number."""

    template: str  # the widest the countdown gets in this phase: the face keeps this size
    fit: Fit = PLAIN
    reps_template: str | None = None
    reps_fit: Fit = PLAIN
    beside: bool = True


class ClockFace(Widget):
    DEFAULT_CSS = """
    ClockFace {
        width: 100%;
        height: 1fr;
    }
    """

    face: reactive[Face] = reactive(Face(""))
    text: reactive[str] = reactive("", repaint=False)  # the countdown: repaints its own rectangle
    reps: reactive[str] = reactive("", repaint=False)  # "3/10"

    def watch_text(self) -> None:
        self.refresh(self._countdown_region())

    def watch_reps(self) -> None:
        self.refresh(self._reps_region())

    # -- geometry ---------------------------------------------------------------------

    def _measure(self, text: str | None, fit: Fit) -> tuple[int, int]:
        return (0, 0) if not text else fit.size(text)

    def _boxes(self) -> tuple[Region, Region]:
        """Where the countdown and the rep number go, in the widget's own coordinates."""
        face = self.face
        cw, ch = self._measure(face.template, face.fit)
        rw, rh = self._measure(face.reps_template, face.reps_fit)
        gap = REP_GAP if rw and face.beside else 0
        width, height = (cw + gap + rw, max(ch, rh)) if face.beside else (max(cw, rw), ch + rh)
        left = max(0, (self.size.width - width) // 2)
        top = max(0, (self.size.height - height) // 2)
        if face.beside:
            return (Region(left, top + (height - ch) // 2, cw, ch),
                    Region(left + cw + gap, top + (height - rh) // 2, rw, rh))
        return (Region(left + (width - cw) // 2, top, cw, ch), Region(left + (width - rw) // 2, top + ch, rw, rh))

    def _countdown_region(self) -> Region:
        return self._boxes()[0]

    def _reps_region(self) -> Region:
        return self._boxes()[1]

    # -- drawing ------------------------------------------------------------------------

    def render_lines(self, crop):
        """Compose the face's rows once per paint; each line is then a lookup."""
        style, width = self.rich_style, self.size.width
        lines: dict[int, str] = {}
        for box, text, fit in zip(self._boxes(), (self.text, self.reps), (self.face.fit, self.face.reps_fit),
                                  strict=True):
            for offset, row in enumerate(_rows(text, fit, box.width)):
                y = box.y + offset
                line = lines.get(y, " " * width)
                lines[y] = (line[: box.x] + row + line[box.x + len(row):])[:width]
        self._lines = {y: _strip(line, style) for y, line in lines.items()}
        self._blank = _strip(" " * width, style)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        lines = getattr(self, "_lines", None)
        if lines is None:
            return _strip(" " * self.size.width, self.rich_style)
        return lines.get(y, self._blank)


@lru_cache(maxsize=512)
def _strip(line: str, style) -> Strip:
    """Strips are costly to build (each makes its own caches) and a face repeats its rows
    from second to second, so they are kept."""
    return Strip([Segment(line, style)], len(line))


def _rows(text: str, fit: Fit, width: int) -> list[str]:
    """The rows of `text`, each centred in `width` columns."""
    if not text:
        return []
    rows = render(fit.font, text, fit.scale) if fit.font is not None else (text[:width],)
    return [row.center(width) if len(row) < width else row for row in rows]
