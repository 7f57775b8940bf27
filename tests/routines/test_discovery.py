from kneetimer.routines.discovery import discover, find
from tests.conftest import BUNDLED, write

BUNDLED_IDS = sorted(path.stem for path in BUNDLED)


def test_bundled_routines_are_found_without_a_user_folder():
    entries = discover()
    assert [entry.id for entry in entries] == BUNDLED_IDS
    assert all(entry.origin == "bundled" and entry.routine is not None for entry in entries)


def test_user_routine_shadows_bundled_one_and_comes_first(user_routines):
    write(user_routines, "react-glute-it-band.toml", 'name = "Mine"\n[[exercise]]\nname = "a"\nreps = 1\n')
    write(user_routines, "zz-extra.toml", 'name = "Extra"\n[[exercise]]\nname = "a"\nreps = 1\n')
    entries = discover()
    assert [entry.id for entry in entries[:2]] == ["react-glute-it-band", "zz-extra"]
    assert entries[0].origin == "user" and entries[0].routine.name == "Mine"
    assert sorted(entry.id for entry in entries) == sorted(set(BUNDLED_IDS) | {"zz-extra"})
    assert find("react-glute-it-band").routine.name == "Mine"


def test_broken_user_routine_is_listed_with_its_first_error_and_hides_nothing(user_routines):
    write(user_routines, "broken.toml", 'name = "x"\n[[exercise]]\nname = "a"\nholdd = 1\nreps = 0\n')
    (user_routines / "notes.txt").write_text("not a routine")
    entries = {entry.id: entry for entry in discover()}
    broken = entries.pop("broken")
    assert broken.routine is None
    assert str(broken.first_problem).endswith("4: exercise 1 (\"a\"): unknown key 'holdd' (did you mean 'hold'?)")
    assert sorted(entries) == BUNDLED_IDS


def test_find_by_path_and_unknown_id(tmp_path):
    path = write(tmp_path, "walk.toml", 'name = "Walk"\n[[exercise]]\nname = "a"\nhold = 5\n')
    entry = find(str(path))
    assert entry.origin == "file" and entry.id == "walk" and entry.routine.name == "Walk"
    assert find("no-such-routine") is None
    assert find("missing.toml").routine is None
