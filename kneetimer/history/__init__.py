"""Session history: the SQLite store, its statistics, the background recorder and export."""
