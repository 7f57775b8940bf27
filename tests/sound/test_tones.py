"""kneetimer's own sounds: short, distinct, valid WAV files, made once."""

from __future__ import annotations

import wave

from kneetimer.sound.tones import TONES, duration, samples, tone_file
from kneetimer.sound.vocabulary import Signal


def test_every_signal_has_a_short_sound_and_done_may_be_longer():
    assert set(TONES) == set(Signal)
    for signal in Signal:
        limit = 1.5 if signal is Signal.DONE else 0.5
        assert 0.05 < duration(signal) < limit, signal


def test_sounds_differ_in_pitch_length_or_number_of_notes():
    shapes = {signal: tuple((round(n.hz), n.seconds) for n in TONES[signal]) for signal in Signal}
    assert len(set(shapes.values())) == len(Signal)
    by_notes = {}
    for signal, notes in TONES.items():
        by_notes.setdefault(len(notes), []).append(signal)
    for group in by_notes.values():  # same number of notes: told apart by pitch or length
        firsts = {(round(TONES[s][0].hz), TONES[s][0].seconds, round(duration(s), 2)) for s in group}
        assert len(firsts) == len(group), group


def test_a_sound_is_a_valid_wav_written_once(tmp_path):
    path = tone_file(tmp_path, Signal.GO, 80)
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        assert abs(wav.getnframes() / 22050 - duration(Signal.GO)) < 0.01
    written = path.stat().st_mtime_ns
    assert tone_file(tmp_path, Signal.GO, 80) == path and path.stat().st_mtime_ns == written
    assert tone_file(tmp_path, Signal.GO, 40) != path, "each volume its own file"


def test_volume_scales_and_no_sample_clips():
    loud, soft, silent = samples(Signal.DONE, 1.0), samples(Signal.DONE, 0.5), samples(Signal.DONE, 0.0)
    assert max(map(abs, loud)) <= 32767 and max(map(abs, loud)) > 1.9 * max(map(abs, soft))
    assert set(silent) == {0}
    assert abs(loud[0]) < 2000, "a soft attack: no click"
