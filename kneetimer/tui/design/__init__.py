"""The workout screen's design as pure functions of size and content, without Textual:
the block font, the phase palette, the layout planner and the presenter. Each is
tested at every size without drawing (tests/test_architecture.py keeps Textual out)."""
