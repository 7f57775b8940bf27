"""kneetimer: a terminal follow-along timer for hip and knee rehab routines."""

__version__ = "0.1.0"
