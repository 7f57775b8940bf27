"""Routines: the model, routine files (TOML) in and out, and where routines are found.

No I/O beyond routine files, and no knowledge of workouts or history.
"""
