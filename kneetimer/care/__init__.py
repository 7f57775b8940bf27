"""The rules between sessions, as pure functions of numbers and dates: the pain-monitoring
model, the next-morning check, the programme's block and its outcome measures. Each
threshold lives here once, with its source; history, the screens and the report ask."""
