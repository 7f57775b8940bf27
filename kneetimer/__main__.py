"""`python -m kneetimer` is the same as the `kneetimer` command."""

from kneetimer.cli import main

raise SystemExit(main())
