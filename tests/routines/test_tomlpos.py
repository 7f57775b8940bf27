"""The TOML position scanner: where each key and table header is, whatever the file holds."""

from __future__ import annotations

from kneetimer.routines.tomlpos import scan

SOURCE = '''\
# a comment with name = "not a key" and [[exercise]]
name = "Mine"
description = """
lead_in = "inside a multi-line string"
[[exercise]]
"""
lead_in = 5

[[exercise]]
name = "Clams"  # trailing [[exercise]] comment
cues = ["a = b", "[x]"]
hold = 5

  [[exercise.step]]
  name = "Lift"
  reps = 3
  [[ exercise.step ]]
  name = 'Rotate'

[[exercise]]
"name" = "Quoted"
reps.extra = 1
inline = { hold = 3 }
[other]
hold = 1
'''


def test_top_level_keys_skip_comments_and_strings():
    lines = scan(SOURCE)
    assert lines.key(None, None, "name") == 2
    assert lines.key(None, None, "description") == 3
    assert lines.key(None, None, "lead_in") == 7, "not the line inside the triple-quoted string"


def test_exercise_headers_and_their_keys():
    lines = scan(SOURCE)
    assert lines.exercises == [9, 20]
    assert lines.key(0, None, "name") == 10
    assert lines.key(0, None, "hold") == 12
    assert lines.key(1, None, "name") == 21, "a quoted key"
    assert lines.key(1, None, "reps") == 22, "a dotted key counts as its first part"


def test_steps_are_numbered_within_their_exercise():
    lines = scan(SOURCE)
    assert lines.table(0, 0) == 14 and lines.table(0, 1) == 17, "spaces inside the brackets"
    assert lines.key(0, 0, "reps") == 16
    assert lines.key(0, 1, "name") == 18


def test_inline_tables_and_other_tables_add_no_keys():
    lines = scan(SOURCE)
    assert (1, None, "hold") not in lines.keys, "hold inside an inline table is not the exercise's"
    assert lines.key(1, None, "hold") == 20, "unknown: the exercise header"


def test_fallbacks_for_what_is_not_there():
    lines = scan('name = "x"\nexercise = [{ name = "a" }]\n')
    assert lines.exercises == []
    assert lines.table(0) == 2, "an inline exercise array points at its key"
    assert scan("").table(None) == 1
    assert scan('a = "unterminated\nb = 1\n').key(None, None, "b") == 2
