"""The `kneetimer` command: the argument parser, and which command runs.

The TUI (and so Textual) is imported only by the commands that open it, so
`list`, `validate`, `history` and `export` start fast.
"""

from __future__ import annotations

import argparse
import errno
import sys

from kneetimer import __version__
from kneetimer.cli import commands
from kneetimer.cli.commands import EXIT_OK
from kneetimer.cli.streams import say, silence_stdout, tolerant_encoding, utf8_output

EXIT_FAILED = 1
LARGEST_COUNT = 1_000_000  # sessions: more than a lifetime, less than SQLite's integers
LONGEST_REPORT_WEEKS = 520  # ten years: a report longer than that is no use to a physiotherapist


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
    run.add_argument("--remote", action="store_true",
                     help="also serve a page for your phone on this network: pause, count reps, skip from the mat")
    run.add_argument("--remote-host", metavar="HOST", default=None,
                     help="the address to serve the phone page on (default: every interface)")

    listing = commands.add_parser("list", help="the routines found: id, name, exercises, minutes")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")

    validate = commands.add_parser("validate", help="check routine files; exit 1 if any is invalid")
    validate.add_argument("files", metavar="FILE", nargs="+")

    history = commands.add_parser("history", help="past sessions, newest first")
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")
    history.add_argument("--limit", type=_positive_int, default=None, metavar="N", help="at most N sessions")

    export = commands.add_parser("export", help="every exercise record, for a physiotherapist")
    export.add_argument("--format", choices=("csv", "json"), required=True)

    report = commands.add_parser("report", help="a record to hand your physiotherapist (HTML or Markdown)")
    report.add_argument("--weeks", type=_report_weeks, default=6, metavar="N",
                        help="the last N weeks, at most 520 (default 6, a typical follow-up)")
    report.add_argument("--format", choices=("html", "markdown"), default="html")
    report.add_argument("--output", metavar="FILE", help="write it to FILE (default: print it)")
    report.add_argument("--name", metavar="TEXT", help="whose record it is, at its head (e.g. your name)")

    plan = commands.add_parser("plan", help="your programme: days, weeks, where you are in it")
    plan.add_argument("--json", action="store_true", help="print JSON")
    plan_commands = plan.add_subparsers(dest="plan_command", metavar="set|clear")
    plan_set = plan_commands.add_parser("set", help="plan a routine on some weekdays for some weeks")
    plan_set.add_argument("routine", metavar="ROUTINE")
    plan_set.add_argument("--days", metavar="mon,wed,fri", help="the weekdays (default mon,wed,fri)")
    plan_set.add_argument("--weeks", type=_plan_weeks, default=6, metavar="N", help="the block's length (default 6)")
    plan_set.add_argument("--start", metavar="YYYY-MM-DD", help="its first day (default today)")
    plan_set.add_argument("--time", metavar="HH:MM", help="when to be reminded on planned days")
    plan_commands.add_parser("clear", help="forget the plan")

    checkin = commands.add_parser("checkin", help="outcome measures (pain, activities); the next-morning answer")
    checkin.add_argument("--json", action="store_true", help="print the check-ins and their changes as JSON")
    checkin.add_argument("--morning", choices=("better", "same", "worse"),
                         help="how the knee is this morning, compared with before the last session")

    remind = commands.add_parser("remind", help="reminders on planned days, by your own system or calendar")
    remind.add_argument("action", choices=("install", "remove", "status", "check", "ics"))
    remind.add_argument("--output", metavar="FILE", help="for ics: write the calendar to FILE")

    figures = commands.add_parser("figures", help="the figure library: every move animated, or one by NAME")
    figures.add_argument("name", nargs="?", metavar="NAME", help="one move, e.g. clam")

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
    parser.add_argument("--quiet", action="store_true", default=default, help="no sounds (and no bell) this time")
    parser.add_argument("--voice", action="store_true", default=default,
                        help="speak the cues (needs espeak-ng, spd-say or say)")


def _plan_weeks(text: str) -> int:
    weeks = _positive_int(text)
    if weeks > 52:
        raise argparse.ArgumentTypeError("must be at most 52: plan a block, then continue it")
    return weeks


def _report_weeks(text: str) -> int:
    weeks = _positive_int(text)
    if weeks > LONGEST_REPORT_WEEKS:
        raise argparse.ArgumentTypeError(f"must be at most {LONGEST_REPORT_WEEKS} (ten years)")
    return weeks


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    if value > LARGEST_COUNT:
        raise argparse.ArgumentTypeError(f"must be at most {LARGEST_COUNT:,}")
    return value


OUTPUT_ERRORS = (errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT, errno.EFBIG)


def main(argv: list[str] | None = None) -> int:
    tolerant_encoding()
    args = build_parser().parse_args(argv)
    if args.command in ("export", "report") or getattr(args, "json", False):
        utf8_output()
    handlers = {
        None: commands.cmd_tui,
        "run": commands.cmd_run,
        "list": commands.cmd_list,
        "validate": commands.cmd_validate,
        "history": commands.cmd_history,
        "export": commands.cmd_export,
        "report": commands.cmd_report,
        "figures": commands.cmd_figures,
        "new": commands.cmd_new,
        "copy": commands.cmd_copy,
        "edit": commands.cmd_edit,
        "plan": commands.cmd_plan,
        "checkin": commands.cmd_checkin,
        "remind": commands.cmd_remind,
    }
    if sys.stdout is None:
        say("kneetimer: standard output is closed; there is nowhere to write to.")
        return EXIT_FAILED
    try:
        code = handlers[args.command](args)
        sys.stdout.flush()  # a full disk shows here, not as an ignored error at exit
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kneetimer list | head`: the reader has had enough
        silence_stdout()
        return EXIT_OK
    except OSError as error:
        if error.errno not in OUTPUT_ERRORS:
            raise
        silence_stdout()
        say(f"kneetimer: could not write the output: {error.strerror or error}")
        return EXIT_FAILED
