"""The `kneetimer` command line: argparse commands and what they print. Textual is
imported only by the commands that open the TUI."""
