"""The phone page (`kneetimer run --remote`): a page served to a phone on the same network
while the workout runs, with a random token in its address. Imported only when asked for:
a plain run never loads the HTTP server."""
