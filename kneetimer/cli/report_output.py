"""The report, written: one self-contained HTML file (inline CSS and SVG; no scripts, no
network; it prints on A4) or Markdown. Every text from a routine or a person is escaped:
routine files are shared, and their names end up here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date, timedelta

from kneetimer import __version__
from kneetimer.care.pain import Zone, zone
from kneetimer.dates import format_moment
from kneetimer.history.report import ExerciseLine, Report
from kneetimer.history.rows import NextDay, PainPoint
from kneetimer.text import clean_line

CAUTION = ("This record is not medical advice. Persistent knee pain should be assessed by a physical therapist "
           "or sports-medicine professional.")
BEFORE, AFTER, FLAG = "#E69F00", "#0072B2", "#D55E00"  # Okabe-Ito: told apart with any colour vision
MONTH_LABELS_AFTER = 16  # weeks: a longer period is labelled by month


def _h(text: object) -> str:
    return html.escape(clean_line(str(text)), quote=True)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _pain(value: int | None) -> str:
    return "-" if value is None else str(value)


def _side(line: ExerciseLine) -> str:
    return line.side or "-"


def _zone_pain(value: int | None) -> str:
    """ "8 red": the number, and its traffic light in words (readable without colour)."""
    return "-" if value is None else f"{value} {zone(value)}"


def _period(report: Report) -> str:
    text = f"{report.first_day:%d %b %Y} to {report.last_day:%d %b %Y}"
    if report.starts_later:
        text += f" (from the first session; the period asked for began {report.asked_from:%d %b})"
    return text


def _glance(report: Report, escape: Callable[[object], str]) -> list[tuple[str, str]]:
    """The at-a-glance lines: what a physiotherapist reads first."""
    facts: list[tuple[str, str]] = []
    if report.plan:
        facts.append(("Plan", escape(report.plan)))
    if report.outcomes:
        facts.append(("Outcome measures", "; ".join(escape(change.words()) for change in report.outcomes)
                      + f" ({len(report.checkins)} check-ins; a change of 2 is beyond measurement error)"))
    elif report.checkins:
        latest = report.checkins[-1]
        psfs = "-" if latest.psfs is None else f"{latest.psfs:.1f}"
        facts.append(("Outcome measures", f"usual pain {_pain(latest.usual_pain)}, worst {_pain(latest.worst_pain)}, "
                                          f"PSFS average {psfs} (one check-in so far)"))
    goal = report.weeks[0].goal if report.weeks else 0
    if report.adherence is not None:
        so_far = f"; this week so far {report.weeks[-1].days} days" if report.week_in_progress else ""
        facts.append(("Adherence", f"{report.adherence:.0%} of the goal of {goal} days a week{so_far}"))
    else:
        facts.append(("Days with exercise done",
                      f"{report.days_active} in {(report.last_day - report.first_day).days + 1} days"))
    if report.pain_first is not None and report.pain_last is not None:
        facts.append(("Pain after (median)", f"{report.pain_first:g} in the first two weeks, "
                                             f"{report.pain_last:g} in the last two (0 none, 10 worst)"))
    elif report.pain_first is not None:
        facts.append(("Pain after (median)", f"{report.pain_first:g} (0 none, 10 worst)"))
    red = sum(1 for flag in report.flagged if flag.level is Zone.RED)
    facts.append(("Flags", f"{len(report.flagged)} ({red} red, {len(report.flagged) - red} amber)"
                  if report.flagged else "none"))
    if report.next_days:
        counts = {answer: sum(1 for _, given in report.next_days if given == answer) for answer in NextDay}
        facts.append(("The morning after", ", ".join(f"{answer} {counts[answer]}" for answer in NextDay)))
    gap = report.side_gap
    facts.append(("Largest left/right gap", f"{escape(gap.exercise)}: {gap.share:.0%} less {gap.unit} on the "
                                            f"{escape(gap.weaker)}" if gap and gap.share >= 0.005 else "none"))
    facts.append(("Sessions", f"{report.sessions}: {report.completed} completed, {report.skipped} skipped, "
                              f"{report.ended_early} ended early, {report.interrupted} interrupted"))
    if report.routines:
        facts.append(("Routines", "; ".join(f"{escape(name)} ({count})" for name, count in report.routines)))
    return facts


# -- HTML --------------------------------------------------------------------------------

STYLE = """
@page { size: A4; margin: 12mm 12mm 14mm;
        @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; } }
* { box-sizing: border-box; }
body { font: 9.5pt/1.35 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111;
       max-width: 186mm; margin: 8mm auto; padding: 0 3mm; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; border-bottom: 1.2px solid #222; padding-bottom: 0.6mm; }
p { margin: 1mm 0; }
.muted { color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.9mm 1.6mm; border-bottom: 0.6px solid #ccc; vertical-align: top;
         overflow-wrap: anywhere; }
th { font-weight: 600; background: #f2f2f2; font-size: 8.5pt; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;
             overflow-wrap: normal; }
table.glance { border: 1.5px solid #222; }
table.glance th { width: 30%; background: none; }
table.exercises { table-layout: fixed; }  /* the widths hold, whatever a name's longest word */
table.exercises td.n, table.exercises th.n { white-space: normal; }
tr.group td { font-weight: 600; background: #fafafa; }
.red { color: #B03A00; font-weight: 600; }
.flag, .note { overflow-wrap: anywhere; }
.flag { border-left: 4px solid #D55E00; background: #fff3ea; padding: 1mm 2.5mm; margin: 1mm 0; }
.flag.amber { border-left-color: #E69F00; background: #fff8e6; }
.note { border-left: 3px solid #999; padding: 0.5mm 2.5mm; margin: 1mm 0; }
svg { width: 100%; height: auto; display: block; }
.charts { display: flex; gap: 4mm; }
.charts > section { flex: 1; min-width: 0; }
tr, .flag, .note, svg { break-inside: avoid; }
footer { margin-top: 4mm; font-size: 8pt; }
"""


def to_html(report: Report, today: date, name: str | None = None) -> str:
    title = "Knee exercise record" + (f": {_h(name)}" if name else "")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{title}, {report.first_day:%Y-%m-%d} to {report.last_day:%Y-%m-%d}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="muted">{_h(_period(report))}. Written by kneetimer {_h(__version__)} on {today:%Y-%m-%d}, '
        "from the sessions it saved as they happened.</p>",
        '<section><h2>At a glance</h2><table class="glance">',
        *(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in _glance(report, _h)),
        "</table></section>",
        '<div class="charts"><section><h2>Knee pain before and after each session</h2>',
        _pain_svg(report.pain, report.first_day, report.last_day) if report.pain
        else '<p class="muted">No pain was recorded in this period.</p>',
        "</section>",
    ]
    if report.weeks:
        parts += ["<section><h2>Days with exercise done, each week</h2>", _weeks_svg(report), "</section>"]
    parts += ["</div><section><h2>Each exercise: prescribed and done</h2>", _exercise_table(report.exercises),
              "</section>", "<section><h2>Flagged sessions</h2>"]
    if report.flagged:
        for flagged in report.flagged:
            note = f"<br>Note: “{_h(flagged.note)}”" if flagged.note else ""
            parts.append(f'<div class="flag {flagged.level}"><b>{_h(format_moment(flagged.when))}</b>, '
                         f"{_h(flagged.routine)} ({flagged.level}): {_h('; '.join(flagged.reasons))}.{note}</div>")
    else:
        parts.append('<p class="muted">None: no pain of 6 or more, and no morning worse than before.</p>')
    parts.append("</section>")
    if report.notes:
        parts.append("<section><h2>Notes</h2>")
        parts += [f'<div class="note"><b>{_h(format_moment(note.when))}</b>, {_h(note.routine)}: {_h(note.text)}'
                  "</div>" for note in report.notes]
        parts.append("</section>")
    parts += ['<footer class="muted">Pain zones: 0-2 green, 3-5 amber (keep the dose), 6-10 red (ease or stop '
              f"that exercise). {_h(CAUTION)}</footer>", "</body></html>", ""]
    return "\n".join(parts)


def _exercise_table(lines: tuple[ExerciseLine, ...]) -> str:
    if not lines:
        return '<p class="muted">No exercises were done in this period.</p>'
    changed = _changed_prescriptions(lines)
    several = len({line.routine for line in lines}) > 1
    widths = "".join(f'<col style="width: {width}%">' for width in (23, 8, 19, 9, 9, 10, 7, 7, 8))
    rows = [f'<table class="exercises"><colgroup>{widths}</colgroup>'
            '<tr><th>Exercise</th><th>Side</th><th>Prescribed</th><th class="n">Sessions</th>'
            '<th class="n">Done in full</th><th class="n">Complete</th><th class="n">Effort</th>'
            '<th>Load</th><th class="n">Most pain</th></tr>']
    routine = None
    for line in sorted(lines, key=lambda line: line.routine) if several else lines:
        if several and line.routine != routine:
            routine = line.routine
            rows.append(f'<tr class="group"><td colspan="9">{_h(routine)}</td></tr>')
        prescribed = _h(line.prescribed or "-")
        if (line.routine, line.name, line.side) in changed:
            prescribed += f'<br><span class="muted">{line.first:%d %b} to {line.last:%d %b}</span>'
        pain_class = " red" if line.zone is Zone.RED else ""
        rows.append(
            f"<tr><td>{_h(line.name)}</td><td>{_h(_side(line))}</td><td>{prescribed}</td>"
            f'<td class="n">{line.sessions}</td><td class="n">{line.done}</td>'
            f'<td class="n">{_percent(line.completion)}</td><td class="n">{_pain(line.effort)}</td>'
            f'<td>{_h(line.load or "-")}</td><td class="n{pain_class}">{_zone_pain(line.most_pain)}</td></tr>'
        )
    rows.append("</table>")
    return "\n".join(rows)


def _changed_prescriptions(lines: tuple[ExerciseLine, ...]) -> set[tuple[str, str, str | None]]:
    """The exercises and sides done with more than one prescription in the period."""
    seen: dict[tuple[str, str, str | None], int] = {}
    for line in lines:
        key = (line.routine, line.name, line.side)
        seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def _pain_svg(points: tuple[PainPoint, ...], first: date, last: date) -> str:
    """Pain 0-10 over the period: before (orange squares, dashed), after (blue dots,
    solid), sessions of one day side by side, the line broken across a week without
    sessions; flagged sessions ringed in red."""
    width, height, left, right, top, bottom = 330, 170, 30, 8, 16, 30
    span = max(1, (last - first).days + 1)
    per_day: dict[date, int] = {}
    order: list[int] = []
    for point in points:
        day = point.when.date()
        order.append(per_day.get(day, 0))
        per_day[day] = per_day.get(day, 0) + 1

    def x(point: PainPoint, nth: int) -> float:
        day = point.when.date()
        count = per_day[day]
        offset = (nth + 0.5) / count if count > 1 else 0.5
        return left + (width - left - right) * max(0.0, min(1.0, ((day - first).days + offset) / span))

    def y(value: int) -> float:
        return top + (height - top - bottom) * (1 - value / 10)

    middle = (top + height - bottom) / 2
    out = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Knee pain before and after each session">']
    for value in range(0, 11, 2):
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                   f'stroke="#ddd" stroke-width="0.6"/>')
        out.append(f'<text x="{left - 4}" y="{y(value) + 3:.1f}" text-anchor="end" font-size="8" '
                   f'fill="#444">{value}</text>')
    out.append(f'<text x="8" y="{middle:.1f}" font-size="7.5" fill="#444" text-anchor="middle" '
               f'transform="rotate(-90 8 {middle:.1f})">pain: 0 none, 10 worst</text>')
    step = max(7, 7 * round(span / 7 / 5))  # about five date labels, a week apart or more
    for offset_days in range(0, span, step):
        tick = first + timedelta(days=offset_days)
        tx = min(left + (width - left - right) * (offset_days + 0.5) / span, width - right - 14)
        out.append(f'<text x="{tx:.1f}" y="{height - bottom + 12}" font-size="8" text-anchor="middle" '
                   f'fill="#444">{tick:%d %b}</text>')
    for attribute, colour, dash, shape in (("before", BEFORE, ' stroke-dasharray="3 2"', "square"),
                                           ("after", AFTER, "", "dot")):
        known = [(x(p, nth), y(getattr(p, attribute)), p) for p, nth in zip(points, order, strict=True)
                 if getattr(p, attribute) is not None]
        for segment in _segments(known):
            if len(segment) > 1:
                path = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in segment)
                out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.2"{dash}/>')
        for px, py, point in known:
            if shape == "dot":
                out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="2.4" fill="{colour}"/>')
            else:
                out.append(f'<rect x="{px - 2.2:.1f}" y="{py - 2.2:.1f}" width="4.4" height="4.4" fill="white" '
                           f'stroke="{colour}" stroke-width="1.2"/>')
            if point.flagged and attribute == "after":
                out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="none" stroke="{FLAG}" '
                           f'stroke-width="1.3"/>')
    legend = height - 5
    out.append(f'<g font-size="8" fill="#222"><rect x="{left}" y="{legend - 6}" width="5" height="5" fill="white" '
               f'stroke="{BEFORE}" stroke-width="1.2"/><text x="{left + 8}" y="{legend}">before</text>'
               f'<circle cx="{left + 50}" cy="{legend - 3}" r="2.4" fill="{AFTER}"/>'
               f'<text x="{left + 56}" y="{legend}">after</text>'
               f'<circle cx="{left + 90}" cy="{legend - 3}" r="4" fill="none" stroke="{FLAG}" stroke-width="1.3"/>'
               f'<text x="{left + 97}" y="{legend}">flagged</text></g>')
    out.append("</svg>")
    return "\n".join(out)


def _segments(known: list[tuple[float, float, PainPoint]]) -> list[list[tuple[float, float, PainPoint]]]:
    """The points split where more than a week passed between sessions: no line across a gap."""
    segments: list[list[tuple[float, float, PainPoint]]] = []
    for item in known:
        if segments and (item[2].when.date() - segments[-1][-1][2].when.date()).days <= 7:
            segments[-1].append(item)
        else:
            segments.append([item])
    return segments


def _weeks_svg(report: Report) -> str:
    """Days done each week against the goal; the week in progress hatched and labelled
    "so far"; over 16 weeks, labelled by month."""
    width, height, left, top, bottom = 330, 170, 22, 14, 30
    weeks = report.weeks
    slot = (width - left - 6) / len(weeks)
    goal = weeks[0].goal
    by_month = len(weeks) > MONTH_LABELS_AFTER

    def y(days: float) -> float:
        return top + (height - top - bottom) * (1 - days / 7)

    out = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="Days with exercise done each week">',
           '<defs><pattern id="so-far" width="4" height="4" patternUnits="userSpaceOnUse" '
           f'patternTransform="rotate(45)"><rect width="2" height="4" fill="{AFTER}"/></pattern></defs>']
    for value in (0, 7):
        out.append(f'<text x="{left - 4}" y="{y(value) + 3:.1f}" text-anchor="end" font-size="8" '
                   f'fill="#444">{value}</text>')
    label_every = 1 if slot >= 26 else 2 if slot >= 13 else 4
    for n, week in enumerate(weeks):
        in_progress = report.week_in_progress and n == len(weeks) - 1
        bx = left + n * slot + slot * 0.15
        fill = "url(#so-far)" if in_progress else AFTER if week.met or not goal else "#9cc3dd"
        out.append(f'<rect x="{bx:.1f}" y="{y(week.days):.1f}" width="{slot * 0.7:.1f}" '
                   f'height="{y(0) - y(week.days):.1f}" fill="{fill}" stroke="{AFTER}" stroke-width="0.4"/>')
        if slot >= 9:
            out.append(f'<text x="{bx + slot * 0.35:.1f}" y="{y(week.days) - 2:.1f}" text-anchor="middle" '
                       f'font-size="7.5">{week.days}</text>')
        if by_month:
            if week.monday.day <= 7:
                out.append(f'<text x="{bx:.1f}" y="{height - bottom + 11}" font-size="8" fill="#444">'
                           f'{week.monday:%b}</text>')
        elif n % label_every == 0 or in_progress:
            label = "so far" if in_progress else f"{week.monday:%d %b}"
            out.append(f'<text x="{bx + slot * 0.35:.1f}" y="{height - bottom + 11}" text-anchor="middle" '
                       f'font-size="7.5" fill="#444">{label}</text>')
    if goal:
        out.append(f'<line x1="{left}" x2="{width - 6}" y1="{y(goal):.1f}" y2="{y(goal):.1f}" stroke="{FLAG}" '
                   f'stroke-dasharray="4 2"/><text x="{width - 8}" y="{y(goal) - 2:.1f}" text-anchor="end" '
                   f'font-size="8" fill="{FLAG}">goal {goal}</text>')
    out.append("</svg>")
    return "\n".join(out)


# -- Markdown ------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md(text: object) -> str:
    """Literal text in Markdown: the characters Markdown or HTML act on mid-line escaped,
    and nothing else (a "-" or "(" in a name reads as it is)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", clean_line(str(text))).replace("&", "&amp;")


def to_markdown(report: Report, today: date, name: str | None = None) -> str:
    lines = ["# Knee exercise record" + (f": {_md(name)}" if name else ""), "",
             f"{_md(_period(report))}. Written by kneetimer {__version__} on {today:%Y-%m-%d}, from the sessions "
             "it saved as they happened.", "", "## At a glance", ""]
    lines += [f"- **{label}:** {value}" for label, value in _glance(report, _md)]
    lines += ["", "## Knee pain before and after each session", ""]
    if report.pain:
        lines += ["| When | Before | After | Flagged |", "|---|--:|--:|---|"]
        lines += [f"| {format_moment(p.when)} | {_zone_pain(p.before)} | {_zone_pain(p.after)} | "
                  f"{'yes' if p.flagged else ''} |" for p in report.pain]
    else:
        lines.append("No pain was recorded in this period.")
    if report.weeks:
        lines += ["", "## Days with exercise done, each week", "", "| Week of | Days | Goal |", "|---|--:|--:|"]
        for n, week in enumerate(report.weeks):
            so_far = " (so far)" if report.week_in_progress and n == len(report.weeks) - 1 else ""
            lines.append(f"| {week.monday:%Y-%m-%d}{so_far} | {week.days} | {week.goal or '-'} |")
    lines += ["", "## Each exercise: prescribed and done", ""]
    if report.exercises:
        lines += ["| Exercise | Side | Prescribed | Sessions | Done in full | Completion | Effort | Load | Most pain |",
                  "|---|---|---|--:|--:|--:|--:|---|--:|"]
        lines += [f"| {_md(e.name)} | {_md(_side(e))} | {_md(e.prescribed or '-')} | {e.sessions} | {e.done} | "
                  f"{_percent(e.completion)} | {_pain(e.effort)} | {_md(e.load or '-')} | {_zone_pain(e.most_pain)} |"
                  for e in report.exercises]
    else:
        lines.append("No exercises were done in this period.")
    lines += ["", "## Flagged sessions", ""]
    lines += [f"- **{format_moment(f.when)}**, {_md(f.routine)} ({f.level}): {_md('; '.join(f.reasons))}"
              + (f" (note: {_md(f.note)})" if f.note else "") for f in report.flagged] or [
        "None: no pain of 6 or more, and no morning worse than before."]
    lines += ["", "## Notes", ""]
    lines += [f"- **{format_moment(n.when)}**, {_md(n.routine)}: {_md(n.text)}" for n in report.notes] or [
        "No notes."]
    lines += ["", "Pain zones: 0-2 green, 3-5 amber (keep the dose), 6-10 red (ease or stop that exercise).",
              "", f"*{CAUTION}*", ""]
    return "\n".join(lines)
