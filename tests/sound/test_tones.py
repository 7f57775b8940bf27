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


def _fft(values: list[complex]) -> list[complex]:
    n = len(values)
    if n == 1:
        return values
    even, odd = _fft(values[0::2]), _fft(values[1::2])
    import cmath

    twiddled = [cmath.exp(-2j * cmath.pi * k / n) * odd[k] for k in range(n // 2)]
    return [even[k] + twiddled[k] for k in range(n // 2)] + [even[k] - twiddled[k] for k in range(n // 2)]


def a_weighted_level(signal: Signal) -> float:
    """The sound's A-weighted level in dB, measured from its samples (a DFT of the notes,
    gaps left out, each frequency weighted as IEC 61672 says)."""
    import math

    from kneetimer.sound.tones import SAMPLE_RATE, a_weighting

    sounding = [value for value in samples(signal, 1.0) if value != 0]
    size = 1 << (len(sounding) - 1).bit_length()
    spectrum = _fft([complex(v) for v in sounding] + [0j] * (size - len(sounding)))
    power = sum(abs(spectrum[k]) ** 2 * a_weighting(max(1.0, k * SAMPLE_RATE / size)) ** 2 for k in range(1, size // 2))
    return 10 * math.log10(2 * power / (size * len(sounding)))  # Parseval: the weighted mean square


def test_loudness_is_matched_a_weighted_within_3_db():
    levels = {signal: a_weighted_level(signal) for signal in Signal}
    assert max(levels.values()) - min(levels.values()) <= 3.0, levels


def test_nothing_carries_a_cue_below_laptop_speakers_and_every_note_fades_to_silence():
    from kneetimer.sound.tones import FADE_S, SAMPLE_RATE

    for signal, notes in TONES.items():
        assert all(note.hz >= 400 for note in notes), signal
        data, start = samples(signal, 1.0), 0
        for note in notes:
            end = start + int(note.seconds * SAMPLE_RATE)
            tail = data[end - int(FADE_S * SAMPLE_RATE): end]
            assert abs(data[end - 1]) <= 2 and max(abs(v) for v in tail) < 0.1 * 32767, (signal, note)
            start = end + int(note.gap * SAMPLE_RATE)


def test_release_and_rest_differ_in_rhythm_not_only_in_pitch():
    release, rest = TONES[Signal.RELEASE], TONES[Signal.REST]
    assert rest[0].gap >= 3 * release[0].gap and duration(Signal.REST) >= 1.8 * duration(Signal.RELEASE)
