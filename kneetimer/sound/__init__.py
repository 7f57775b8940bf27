"""What a workout sounds like: tones, the players that play them, and the voice. No Textual."""
