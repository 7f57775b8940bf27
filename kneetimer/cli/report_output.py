"""The report, written: one self-contained HTML file (inline CSS and SVG; no scripts, no
network; it prints on A4) or Markdown. Every text from a routine or a person is escaped:
routine files are shared, and their names end up here.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

from kneetimer import __version__
from kneetimer.dates import format_moment
from kneetimer.history.report import ExerciseLine, Report
from kneetimer.history.rows import PainPoint
from kneetimer.routines.durations import format_duration
from kneetimer.text import clean_line

CAUTION = ("This record is not medical advice. Persistent knee pain should be assessed by a physical therapist "
           "or sports-medicine professional.")
BEFORE, AFTER, FLAG = "#E69F00", "#0072B2", "#D55E00"  # Okabe-Ito: told apart with any colour vision


def _h(text: object) -> str:
    return html.escape(clean_line(str(text)), quote=True)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _pain(value: int | None) -> str:
    return "-" if value is None else str(value)


def _done_words(line: ExerciseLine) -> str:
    if line.planned_reps or line.reps_done:
        return f"{line.sets_done} sets, {line.reps_done} reps"
    return f"{line.sets_done} × hold, {format_duration(line.seconds)}"


def _side(line: ExerciseLine) -> str:
    return line.side or "-"


def _facts(report: Report, escape) -> list[tuple[str, str]]:
    """The summary's lines, already escaped with `escape` where they hold untrusted text."""
    days = (report.last_day - report.first_day).days + 1
    facts = [
        ("Period", f"{report.first_day:%Y-%m-%d} to {report.last_day:%Y-%m-%d} ({len(report.weeks)} weeks)"),
        ("Days with exercise done", f"{report.days_active} of {days}"),
        ("Sessions", f"{report.sessions}: {report.completed} completed, {report.ended_early} ended early, "
                     f"{report.interrupted} interrupted"),
    ]
    if report.routines:
        facts.append(("Routines", "; ".join(f"{escape(name)} ({count})" for name, count in report.routines)))
    goal = report.weeks[0].goal if report.weeks else 0
    if goal:
        met = sum(1 for week in report.weeks if week.met)
        facts.append(("Weekly goal", f"{goal} days a week, met in {met} of {len(report.weeks)} weeks"))
    facts.append(("Flagged sessions", str(len(report.flagged)) if report.flagged else "none"))
    return facts


# -- HTML --------------------------------------------------------------------------------

STYLE = """
@page { size: A4; margin: 15mm 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111;
       max-width: 182mm; margin: 12mm auto; padding: 0 4mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1.5px solid #222; padding-bottom: 1mm; }
.muted { color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 1.4mm 2mm; border-bottom: 0.6px solid #ccc; vertical-align: top;
         overflow-wrap: anywhere; }
th { font-weight: 600; background: #f2f2f2; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;
             overflow-wrap: normal; }
table.facts th { width: 38%; background: none; }
.flag, .note { overflow-wrap: anywhere; }
.flag { border-left: 4px solid #D55E00; background: #fff3ea; padding: 2mm 3mm; margin: 2mm 0; }
.note { border-left: 3px solid #999; padding: 1mm 3mm; margin: 1.5mm 0; }
svg { width: 100%; height: auto; }
section { break-inside: avoid; }
footer { margin-top: 8mm; font-size: 9pt; }
"""


def to_html(report: Report, today: date) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>kneetimer report, {report.first_day:%Y-%m-%d} to {report.last_day:%Y-%m-%d}</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Knee exercise record</h1>",
        f'<p class="muted">Written by kneetimer {_h(__version__)} on {today:%Y-%m-%d}, from the sessions it saved '
        "as they happened.</p>",
        "<section><h2>Summary</h2><table class=\"facts\">",
        *(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in _facts(report, _h)),
        "</table></section>",
        "<section><h2>Knee pain before and after each session</h2>",
        _pain_svg(report.pain, report.first_day, report.last_day) if report.pain
        else '<p class="muted">No pain was recorded in this period.</p>',
        "</section>",
    ]
    if report.weeks:
        parts += ["<section><h2>Days with exercise done, each week</h2>", _weeks_svg(report), "</section>"]
    parts += ["<section><h2>Each exercise: prescribed and done</h2>", _exercise_table(report.exercises),
              "</section>"]
    parts.append("<section><h2>Flagged sessions</h2>")
    if report.flagged:
        for flagged in report.flagged:
            note = f"<br>Note: “{_h(flagged.note)}”" if flagged.note else ""
            parts.append(f'<div class="flag"><b>{_h(format_moment(flagged.when))}</b>, {_h(flagged.routine)}: '
                         f"{_h('; '.join(flagged.reasons))}.{note}</div>")
        parts.append("<p>kneetimer suggested stopping the exercise concerned and having the knee assessed.</p>")
    else:
        parts.append('<p class="muted">None: no pain of 7 or more, and no rise of 3 or more.</p>')
    parts.append("</section><section><h2>Notes</h2>")
    parts += [f'<div class="note"><b>{_h(format_moment(note.when))}</b>, {_h(note.routine)}: {_h(note.text)}</div>'
              for note in report.notes] or ['<p class="muted">No notes.</p>']
    parts += ["</section>", f'<footer class="muted">{_h(CAUTION)}</footer>', "</body></html>", ""]
    return "\n".join(parts)


def _exercise_table(lines: tuple[ExerciseLine, ...]) -> str:
    if not lines:
        return '<p class="muted">No exercises were done in this period.</p>'
    rows = ["<table><tr><th>Exercise</th><th>Side</th><th>Prescribed</th><th class=\"n\">Sessions</th>"
            "<th class=\"n\">Done in full</th><th>Done in all</th><th class=\"n\">Completion</th>"
            "<th class=\"n\">Most pain</th></tr>"]
    for line in lines:
        rows.append(
            f"<tr><td>{_h(line.name)}</td><td>{_h(_side(line))}</td><td>{_h(line.prescribed or '-')}</td>"
            f'<td class="n">{line.sessions}</td><td class="n">{line.done}</td><td>{_h(_done_words(line))}</td>'
            f'<td class="n">{_percent(line.completion)}</td><td class="n">{_pain(line.most_pain)}</td></tr>'
        )
    rows.append("</table>")
    return "\n".join(rows)


def _pain_svg(points: tuple[PainPoint, ...], first: date, last: date) -> str:
    """Pain 0-10 over the period: before (orange squares, dashed), after (blue dots, solid);
    flagged sessions ringed in red."""
    width, height, left, right, top, bottom = 640, 210, 34, 10, 12, 30
    span = max(1, (last - first).days + 1)

    def x(point: PainPoint) -> float:
        day = (point.when.date() - first).days + point.when.hour / 24
        return left + (width - left - right) * max(0.0, min(1.0, day / span))

    def y(value: int) -> float:
        return top + (height - top - bottom) * (1 - value / 10)

    out = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Knee pain before and after each session">']
    for value in range(0, 11, 2):
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                   f'stroke="#ddd" stroke-width="0.8"/>')
        out.append(f'<text x="{left - 6}" y="{y(value) + 3.5:.1f}" text-anchor="end" font-size="10" '
                   f'fill="#444">{value}</text>')
    for day in range(0, span, 7):
        tick = first + timedelta(days=day)
        tx = left + (width - left - right) * day / span
        out.append(f'<text x="{tx:.1f}" y="{height - 10}" font-size="10" fill="#444">{tick:%d %b}</text>')
    for attribute, colour, dash, shape in (("before", BEFORE, ' stroke-dasharray="4 3"', "square"),
                                           ("after", AFTER, "", "dot")):
        known = [(x(p), y(getattr(p, attribute)), p) for p in points if getattr(p, attribute) is not None]
        if len(known) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in known)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"{dash}/>')
        for px, py, point in known:
            if shape == "dot":
                out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.4" fill="{colour}"/>')
            else:
                out.append(f'<rect x="{px - 3:.1f}" y="{py - 3:.1f}" width="6" height="6" fill="white" '
                           f'stroke="{colour}" stroke-width="1.6"/>')
            if point.flagged and attribute == "after":
                out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="7" fill="none" stroke="{FLAG}" '
                           f'stroke-width="1.8"/>')
    out.append(f'<g font-size="10" fill="#222"><rect x="{left + 4}" y="{top - 9}" width="7" height="7" fill="white" '
               f'stroke="{BEFORE}" stroke-width="1.6"/><text x="{left + 15}" y="{top - 2}">before</text>'
               f'<circle cx="{left + 70}" cy="{top - 5.5}" r="3.4" fill="{AFTER}"/>'
               f'<text x="{left + 78}" y="{top - 2}">after</text>'
               f'<circle cx="{left + 122}" cy="{top - 5.5}" r="6" fill="none" stroke="{FLAG}" stroke-width="1.8"/>'
               f'<text x="{left + 132}" y="{top - 2}">flagged</text></g>')
    out.append("</svg>")
    return "\n".join(out)


def _weeks_svg(report: Report) -> str:
    width, height, left, top, bottom = 640, 120, 34, 10, 22
    weeks = report.weeks
    slot = (width - left - 10) / len(weeks)
    goal = weeks[0].goal

    def y(days: float) -> float:
        return top + (height - top - bottom) * (1 - days / 7)

    out = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Days with exercise done each week">']
    for value in (0, 7):
        out.append(f'<text x="{left - 6}" y="{y(value) + 3.5:.1f}" text-anchor="end" font-size="10" '
                   f'fill="#444">{value}</text>')
    for n, week in enumerate(weeks):
        bx = left + n * slot + slot * 0.2
        out.append(f'<rect x="{bx:.1f}" y="{y(week.days):.1f}" width="{slot * 0.6:.1f}" '
                   f'height="{y(0) - y(week.days):.1f}" fill="{AFTER if week.met or not goal else "#9cc3dd"}"/>')
        out.append(f'<text x="{bx + slot * 0.3:.1f}" y="{y(week.days) - 3:.1f}" text-anchor="middle" '
                   f'font-size="10">{week.days}</text>')
        out.append(f'<text x="{bx + slot * 0.3:.1f}" y="{height - 6}" text-anchor="middle" font-size="9" '
                   f'fill="#444">{week.monday:%d %b}</text>')
    if goal:
        out.append(f'<line x1="{left}" x2="{width - 10}" y1="{y(goal):.1f}" y2="{y(goal):.1f}" stroke="{FLAG}" '
                   f'stroke-dasharray="5 3"/><text x="{width - 12}" y="{y(goal) - 3:.1f}" text-anchor="end" '
                   f'font-size="10" fill="{FLAG}">goal {goal}</text>')
    out.append("</svg>")
    return "\n".join(out)


# -- Markdown ------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def _md(text: object) -> str:
    """Literal text in Markdown: every character Markdown or HTML could act on escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", clean_line(str(text))).replace("&", "&amp;")


def to_markdown(report: Report, today: date) -> str:
    lines = ["# Knee exercise record", "",
             f"Written by kneetimer {__version__} on {today:%Y-%m-%d}, from the sessions it saved as they "
             "happened.", "", "## Summary", ""]
    lines += [f"- **{label}:** {value}" for label, value in _facts(report, _md)]
    lines += ["", "## Knee pain before and after each session", ""]
    if report.pain:
        lines += ["| When | Before | After | Flagged |", "|---|--:|--:|---|"]
        lines += [f"| {format_moment(p.when)} | {_pain(p.before)} | {_pain(p.after)} | "
                  f"{'yes' if p.flagged else ''} |" for p in report.pain]
    else:
        lines.append("No pain was recorded in this period.")
    lines += ["", "## Each exercise: prescribed and done", ""]
    if report.exercises:
        lines += ["| Exercise | Side | Prescribed | Sessions | Done in full | Done in all | Completion | Most pain |",
                  "|---|---|---|--:|--:|---|--:|--:|"]
        lines += [f"| {_md(e.name)} | {_md(_side(e))} | {_md(e.prescribed or '-')} | {e.sessions} | {e.done} | "
                  f"{_md(_done_words(e))} | {_percent(e.completion)} | {_pain(e.most_pain)} |"
                  for e in report.exercises]
    else:
        lines.append("No exercises were done in this period.")
    lines += ["", "## Flagged sessions", ""]
    lines += [f"- **{format_moment(f.when)}**, {_md(f.routine)}: {_md('; '.join(f.reasons))}"
              + (f" (note: {_md(f.note)})" if f.note else "") for f in report.flagged] or [
        "None: no pain of 7 or more, and no rise of 3 or more."]
    lines += ["", "## Notes", ""]
    lines += [f"- **{format_moment(n.when)}**, {_md(n.routine)}: {_md(n.text)}" for n in report.notes] or [
        "No notes."]
    lines += ["", f"*{CAUTION}*", ""]
    return "\n".join(lines)

