"""The `kneetimer` command: argparse sub-commands.

The TUI (and so Textual) is imported only by the commands that open it, so
`list`, `validate`, `history` and `export` start fast.
"""

from __future__ import annotations

import argparse
import difflib
import sys

from kneetimer import __version__

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kneetimer",
        description="A follow-along timer for hip-strengthening routines that relieve knee pain.",
        epilog="With no command, kneetimer opens the routine picker. "
        "Not medical advice: have persistent knee pain assessed by a physical therapist.",
    )
    parser.add_argument("--version", action="version", version=f"kneetimer {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start a workout straight away")
    run.add_argument("routine", metavar="ROUTINE", help="a routine id (see `kneetimer list`) or a .toml file")
    _add_sound_options(run, default=argparse.SUPPRESS)  # so `kneetimer --quiet run X` keeps --quiet

    listing = commands.add_parser("list", help="the routines found: id, name, exercises, minutes")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")

    validate = commands.add_parser("validate", help="check routine files; exit 1 if any is invalid")
    validate.add_argument("files", metavar="FILE", nargs="+")

    history = commands.add_parser("history", help="past sessions, newest first")
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")
    history.add_argument("--limit", type=_positive_int, default=None, metavar="N", help="at most N sessions")

    export = commands.add_parser("export", help="every exercise record, for a physiotherapist")
    export.add_argument("--format", choices=("csv", "json"), required=True)

    new = commands.add_parser("new", help="start your own routine from a commented example")
    new.add_argument("name", metavar="NAME", help="its name; the file name is made safe from it")
    new.add_argument("--force", action="store_true", help="replace a routine of yours with the same id")

    copy = commands.add_parser("copy", help="copy a routine into your folder to change it")
    copy.add_argument("source", metavar="ID", help="the routine to copy (see `kneetimer list`)")
    copy.add_argument("new_id", metavar="NEW_ID", help="the id of your copy")
    copy.add_argument("--force", action="store_true", help="replace a routine of yours with the same id")

    edit = commands.add_parser("edit", help="open one of your routines in $VISUAL/$EDITOR, checked on save")
    edit.add_argument("routine", metavar="ID", help="a routine id; a bundled one is copied to your folder first")

    _add_sound_options(parser, default=False)
    return parser


def _add_sound_options(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument("--quiet", action="store_true", default=default, help="no bell")
    parser.add_argument("--voice", action="store_true", default=default,
                        help="speak the cues (needs espeak-ng, spd-say or say)")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {
        None: cmd_tui,
        "run": cmd_run,
        "list": cmd_list,
        "validate": cmd_validate,
        "history": cmd_history,
        "export": cmd_export,
        "new": cmd_new,
        "copy": cmd_copy,
        "edit": cmd_edit,
    }
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kneetimer list | head`
        sys.stderr.close()
        return EXIT_OK


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

    all_valid = True
    for name in args.files:
        result = load_file(name)
        if result.routine is None:
            all_valid = False
            for problem in result.problems:
                print(problem, file=sys.stderr)
            continue
        routine = result.routine
        minutes = build_plan(routine).total_seconds / 60
        count = len(routine.exercises)
        print(f"{name}: ok ({count} exercise{'s' * (count != 1)}, about {minutes:.0f} min)")
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
    from kneetimer.tui.launch import launch

    return launch(routine=routine, quiet=args.quiet, voice=args.voice)


def cmd_tui(args: argparse.Namespace) -> int:
    from kneetimer.tui.launch import launch

    return launch(routine=None, quiet=args.quiet, voice=args.voice)


def cmd_history(args: argparse.Namespace) -> int:
    from kneetimer.cli.history_output import print_history

    return print_history(as_json=args.json, limit=args.limit)


def cmd_export(args: argparse.Namespace) -> int:
    from kneetimer.cli.history_output import export

    return export(args.format)


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
    try:
        path = entry.path
        if entry.origin is Origin.BUNDLED:
            path = copy_routine(entry.path, entry.id)
            print(f"{entry.id} is a bundled routine: copied it to {path} (yours now takes its place).")
        saved, problems = edit_file(path, ask_again=ask_on_terminal)
    except (RoutineFileError, OSError) as error:
        print(f"kneetimer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if saved:
        print(f"Saved {path}")
        return EXIT_OK
    if problems:
        print(f"Not saved: {path} is unchanged.", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("No changes.")
    return EXIT_OK
