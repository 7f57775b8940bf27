"""kneetimer's own sounds, synthesised with the standard library and kept as WAV files.

Each sound differs from the others in pitch, rhythm and number of notes, so they can be
told apart without looking: a rising pair for get ready, one bright note for go, a short
blip for each of 3-2-1, a quick falling pair for release, two long slow notes for rest,
four alternating notes for switch sides, a double knock at halfway, a soft tap as a paced
rep turns, a rising three-note chime when a ranged hold may end, and a longer arpeggio
when it is all done. Nothing carries a cue below 400 Hz (laptop speakers lose it); every
note rises in 6 ms and fades to silence in its last 4 ms (no clicks); and every note is
scaled to the same A-weighted level (IEC 61672), so no cue is quieter to the ear.
"""

from __future__ import annotations

import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

from kneetimer.sound.vocabulary import Signal

SAMPLE_RATE = 22_050
TONES_VERSION = 2  # part of each file's name: a change to the sounds makes new files
ATTACK_S = 0.006
FADE_S = 0.004  # to silence at each note's end: 3-5 ms, no step
HARMONIC = 0.25  # the second harmonic's share: a little warmth


@dataclass(frozen=True)
class Note:
    """One note of a sound: its pitch and length."""

    hz: float
    seconds: float
    gap: float = 0.0  # silence after it


# Note frequencies: B4 494, C5 523, D5 587, E5 659, F5 698, G5 784, A5 880, B5 988, C6 1047.
TONES: dict[Signal, tuple[Note, ...]] = {
    Signal.GET_READY: (Note(659, 0.12, 0.04), Note(880, 0.20)),
    Signal.GO: (Note(1047, 0.22),),
    Signal.TICK: (Note(880, 0.07),),
    Signal.RELEASE: (Note(784, 0.08, 0.02), Note(523, 0.12)),
    Signal.REST: (Note(587, 0.18, 0.10), Note(494, 0.20)),  # slow: a long gap, unlike release
    Signal.SWITCH: (Note(659, 0.09, 0.03), Note(988, 0.09, 0.03), Note(659, 0.09, 0.03), Note(988, 0.12)),
    Signal.HALFWAY: (Note(587, 0.07, 0.07), Note(587, 0.07)),
    Signal.TURN: (Note(698, 0.06),),
    Signal.MINIMUM: (Note(523, 0.10, 0.02), Note(659, 0.10, 0.02), Note(784, 0.20)),
    Signal.DONE: (Note(523, 0.14, 0.02), Note(659, 0.14, 0.02), Note(784, 0.14, 0.02), Note(1047, 0.55)),
}


def a_weighting(hz: float) -> float:
    """The A-weighting's gain at `hz` (IEC 61672-1), 1.0 at 1 kHz."""
    f2 = hz * hz
    gain = (12194.0**2 * f2 * f2) / ((f2 + 20.6**2) * math.sqrt((f2 + 107.7**2) * (f2 + 737.9**2)) * (f2 + 12194.0**2))
    return gain * 10 ** (2.0 / 20)


def note_gain(hz: float) -> float:
    """The scale that gives a note of `hz` (with its harmonic) the A-weighted level of a 1 kHz tone."""
    weighted = math.sqrt(a_weighting(hz) ** 2 + (HARMONIC * a_weighting(2 * hz)) ** 2)
    return min(1.6, 1.0 / weighted)  # at most +4 dB, so the lowest note cannot clip


def duration(signal: Signal) -> float:
    return sum(note.seconds + note.gap for note in TONES[signal])


def samples(signal: Signal, volume: float) -> list[int]:
    """16-bit samples of a sound at `volume` (0-1)."""
    out: list[int] = []
    peak = 0.5 * max(0.0, min(1.0, volume)) * 32767
    for note in TONES[signal]:
        count = int(note.seconds * SAMPLE_RATE)
        step = 2 * math.pi * note.hz / SAMPLE_RATE
        attack = max(1, int(ATTACK_S * SAMPLE_RATE))
        fade = max(1, int(FADE_S * SAMPLE_RATE))
        gain = note_gain(note.hz)
        for n in range(count):
            envelope = min(1.0, n / attack, (count - 1 - n) / fade) * math.exp(-3.0 * n / count)
            wave_value = math.sin(step * n) + HARMONIC * math.sin(2 * step * n)
            out.append(int(peak * gain * envelope * wave_value / (1 + HARMONIC)))
        out.extend([0] * int(note.gap * SAMPLE_RATE))
    return out


def tone_file(folder: Path, signal: Signal, volume: int) -> Path:
    """The WAV file of `signal` at `volume` percent, written once into `folder`."""
    path = folder / f"{signal}-v{TONES_VERSION}-{volume}.wav"
    if path.exists() and path.stat().st_size > 44:
        return path
    folder.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.tmp")
    with wave.open(str(draft), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        data = samples(signal, volume / 100)
        out.writeframes(struct.pack(f"<{len(data)}h", *data))
    draft.replace(path)
    return path
