"""What each `kneetimer` command does. Heavy imports happen inside the command that
needs them, so every command pays only for itself."""

from __future__ import annotations

import argparse
import difflib
import sys
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kneetimer.care.plan import Plan

from kneetimer.cli.streams import NO_TERMINAL, has_terminal, say

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def cmd_list(args: argparse.Namespace) -> int:
    from kneetimer.cli.listing import catalog_rows, format_rows, row_json

    rows = catalog_rows()
    if args.json:
        import json

        print(json.dumps([row_json(row) for row in rows], indent=2, ensure_ascii=False))
    else:
        print(format_rows(rows))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from kneetimer.routines.loader import load_file
    from kneetimer.workout.plan import build_plan
    from kneetimer.workout.words import counted, minutes

    all_valid = True
    for name in args.files:
        result = load_file(name)
        if result.routine is None:
            all_valid = False
            for problem in result.problems:
                print(problem, file=sys.stderr)
            continue
        routine = result.routine
        for warning in result.warnings:
            print(f"{warning} (a warning)", file=sys.stderr)
        length = minutes(build_plan(routine).total_seconds)
        print(f"{name}: ok ({counted(len(routine.exercises), 'exercise')}, about {length} min)")
    return EXIT_OK if all_valid else EXIT_BAD_INPUT


def find_routine(reference: str):
    """The routine entry for an id or a path, or None after saying there is none."""
    from kneetimer.routines.discovery import find, known_ids

    entry = find(reference)
    if entry is None:
        guess = difflib.get_close_matches(reference, known_ids(), n=1)
        hint = f" Did you mean '{guess[0]}'?" if guess else ""
        print(f"kneetimer: no routine with id '{reference}'.{hint} See `kneetimer list`.", file=sys.stderr)
    return entry


def resolve_routine(reference: str):
    """The routine for `run`, or None after printing why it cannot be used."""
    entry = find_routine(reference)
    if entry is None:
        return None
    if entry.routine is None:
        for problem in entry.result.problems:
            print(problem, file=sys.stderr)
        return None
    return entry.routine


def cmd_run(args: argparse.Namespace) -> int:
    routine = resolve_routine(args.routine)
    if routine is None:
        return EXIT_BAD_INPUT
    if not has_terminal():
        say(NO_TERMINAL)
        return EXIT_USAGE
    from kneetimer.tui.launch import launch

    remote_host = None
    if args.remote or args.remote_host:
        remote_host = args.remote_host or "0.0.0.0"
    return launch(routine=routine, quiet=args.quiet, voice=args.voice, remote_host=remote_host)


def cmd_tui(args: argparse.Namespace) -> int:
    if not has_terminal():
        say(NO_TERMINAL)
        return EXIT_USAGE
    from kneetimer.tui.launch import launch

    return launch(routine=None, quiet=args.quiet, voice=args.voice)


def cmd_figures(args: argparse.Namespace) -> int:
    from kneetimer.cli.figures_output import show_figures

    return show_figures(args.name)


def cmd_history(args: argparse.Namespace) -> int:
    from kneetimer.cli.history_output import print_history

    return print_history(as_json=args.json, limit=args.limit)


def cmd_export(args: argparse.Namespace) -> int:
    from kneetimer.cli.history_output import export

    return export(args.format)


def cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kneetimer.cli.history_output import open_existing
    from kneetimer.cli.report_output import to_html, to_markdown
    from kneetimer.dates import now_local
    from kneetimer.files import is_database, write_atomically
    from kneetimer.history.report import build_report
    from kneetimer.history.store import HistoryUnavailable

    today = now_local().date()
    try:
        store = open_existing()
        if store is None:
            print("kneetimer: no sessions yet, so nothing to report. Start one with `kneetimer`.", file=sys.stderr)
            return EXIT_BAD_INPUT
        report = build_report(store, today, args.weeks, goal_for(today), current_plan())
    except HistoryUnavailable as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    name = args.name
    text = to_html(report, today, name) if args.format == "html" else to_markdown(report, today, name)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    if is_database(Path(args.output)):
        print(f"kneetimer: {args.output} is a database (perhaps your history), not overwritten. "
              "Choose another file name.", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        write_atomically(Path(args.output), text)
    except OSError as error:
        print(f"kneetimer: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Wrote {args.output}: {report.sessions} sessions from {report.first_day} to {report.last_day}.")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from kneetimer.routines.library import RoutineFileError, new_routine

    try:
        path = new_routine(args.name, force=args.force)
    except (RoutineFileError, OSError) as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Created {path}\nEdit it with `kneetimer edit {path.stem}`, then start it with `kneetimer run {path.stem}`.")
    return EXIT_OK


def cmd_copy(args: argparse.Namespace) -> int:
    from kneetimer.routines.library import RoutineFileError, copy_routine

    entry = find_routine(args.source)
    if entry is None:
        return EXIT_BAD_INPUT
    try:
        path = copy_routine(entry.path, args.new_id, force=args.force)
    except (RoutineFileError, OSError) as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Copied {entry.path} to {path}")
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    from kneetimer.routines.discovery import Origin
    from kneetimer.routines.library import RoutineFileError, ask_on_terminal, copy_routine, edit_file

    entry = find_routine(args.routine)
    if entry is None:
        return EXIT_BAD_INPUT
    path, copied = entry.path, entry.origin is Origin.BUNDLED
    try:
        if copied:  # edited as your own copy, under the same id; kept only if you change it
            path = copy_routine(entry.path, entry.id, rename=False)
        saved, problems = edit_file(path, ask_again=ask_on_terminal)
    except (RoutineFileError, OSError) as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        saved, problems = False, [str(error)]
    if saved:
        note = " (your version now takes the bundled one's place)" if copied else ""
        print(f"Saved {path}{note}")
        return EXIT_OK
    if copied and path.exists():
        path.unlink()  # no change: nothing of yours shadows the bundled routine
    if problems:
        print(f"Not saved: {'the bundled routine' if copied else path} is unchanged.", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("No changes.")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from kneetimer.cli.care_output import forget_plan, set_plan, show_plan

    if args.plan_command == "set":
        return set_plan(args.routine, args.days, args.weeks, args.start, args.time)
    if args.plan_command == "clear":
        return forget_plan()
    return show_plan(args.json)


def cmd_checkin(args: argparse.Namespace) -> int:
    from kneetimer.cli.care_output import checkin

    return checkin(args.json, args.morning)


def cmd_remind(args: argparse.Namespace) -> int:
    from kneetimer.reminders.commands import remind

    return remind(args.action, args.output)


def goal_for(today: date) -> int:
    """The weekly goal: the plan's days while it runs, else the setting."""
    from kneetimer.care.plan import weekly_goal
    from kneetimer.settings import load_settings

    return weekly_goal(current_plan(), load_settings().settings.sessions_per_week, today)


def current_plan() -> Plan | None:
    from kneetimer.care.plan import PlanError, load_plan

    try:
        return load_plan()
    except PlanError:
        return None
