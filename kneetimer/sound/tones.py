"""kneetimer's own sounds, synthesised with the standard library and kept as WAV files.

Each sound differs from the others in pitch, length and number of notes, so they can
be told apart without looking: a rising pair for get ready, one bright note for go,
a short blip for each of 3-2-1, a falling pair for release, a low falling pair for
rest, three alternating notes for switch sides, a double knock for halfway, a rising
three-note chime when a ranged hold may end, and a longer arpeggio when it is all done.
A soft attack and an exponential decay keep them pleasant (no clicks).
"""

from __future__ import annotations

import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

from kneetimer.sound.vocabulary import Signal

SAMPLE_RATE = 22_050
TONES_VERSION = 1  # part of each file's name: a change to the sounds makes new files


@dataclass(frozen=True)
class Note:
    """One note of a sound: its pitch and length."""

    hz: float
    seconds: float
    gap: float = 0.0  # silence after it


# Note frequencies: C5 523, E5 659, G5 784, A5 880, C6 1047, G4 392, C4 262.
TONES: dict[Signal, tuple[Note, ...]] = {
    Signal.GET_READY: (Note(659, 0.12, 0.04), Note(880, 0.20)),
    Signal.GO: (Note(1047, 0.22),),
    Signal.TICK: (Note(880, 0.07),),
    Signal.RELEASE: (Note(784, 0.10, 0.03), Note(523, 0.16)),
    Signal.REST: (Note(392, 0.18, 0.04), Note(262, 0.26)),
    Signal.SWITCH: (Note(659, 0.09, 0.03), Note(988, 0.09, 0.03), Note(659, 0.09, 0.03), Note(988, 0.12)),
    Signal.HALFWAY: (Note(587, 0.07, 0.07), Note(587, 0.07)),
    Signal.MINIMUM: (Note(523, 0.10, 0.02), Note(659, 0.10, 0.02), Note(784, 0.20)),
    Signal.DONE: (Note(523, 0.14, 0.02), Note(659, 0.14, 0.02), Note(784, 0.14, 0.02), Note(1047, 0.55)),
}


def duration(signal: Signal) -> float:
    return sum(note.seconds + note.gap for note in TONES[signal])


def samples(signal: Signal, volume: float) -> list[int]:
    """16-bit samples of a sound at `volume` (0-1)."""
    out: list[int] = []
    peak = 0.6 * max(0.0, min(1.0, volume)) * 32767
    for note in TONES[signal]:
        count = int(note.seconds * SAMPLE_RATE)
        step = 2 * math.pi * note.hz / SAMPLE_RATE
        attack = max(1, int(0.006 * SAMPLE_RATE))
        for n in range(count):
            envelope = min(1.0, n / attack) * math.exp(-4.0 * n / count)
            wave_value = math.sin(step * n) + 0.25 * math.sin(2 * step * n)  # a little warmth
            out.append(int(peak * envelope * wave_value / 1.25))
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
