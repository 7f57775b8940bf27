"""Benchmarks for kneetimer (not tests): `python -m bench [--quick]`."""
