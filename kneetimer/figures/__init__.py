"""The figure: a stick figure of each move, drawn from joint angles.

skeleton.py turns a pose (joint angles) into points; library.py holds the named
moves as keyframes; drawing.py rasterises a pose into half-block pixels. No
Textual here: the TUI widget only colours the pixels.
"""
