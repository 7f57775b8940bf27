"""Plain-text tables for the CLI, aligned by terminal cells (wide characters count twice)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

from kneetimer.text import clean_line


def columns(table: Sequence[tuple[str, ...]], max_width: int = 60) -> str:
    table = [tuple(_fit(clean_line(cell), max_width) for cell in row) for row in table]
    widths = [max(cell_len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = []
    for row in table:
        cells = [cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    text = text[:width]
    while cell_len(text) > width - 1:
        text = text[:-1]
    return text + "…"
