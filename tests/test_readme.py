"""The README's two commands lead it, and CI runs the second one word for word."""

from tests.conftest import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text()
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_starts_with_two_commands():
    text = (REPO / "README.md").read_text()
    assert text.index("```sh") < 40, "the commands must come first"
    run, test = readme_commands()
    assert "kneetimer" in run and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim():
    ci_lines = (REPO / ".ci" / "run").read_text().splitlines()
    assert readme_commands()[1] in ci_lines
