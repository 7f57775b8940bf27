"""The Textual app. Only `kneetimer` and `kneetimer run` import this package."""
