"""The `kneetimer` command line: argparse commands and what they print. Textual is
imported only by the commands that open the TUI."""


def main(argv: list[str] | None = None) -> int:
    """The `kneetimer` command (its entry point stays `kneetimer.cli:main`)."""
    from kneetimer.cli.parser import main as run

    return run(argv)
