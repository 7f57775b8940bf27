"""`python -m kneetimer` is the same as the `kneetimer` command."""

from kneetimer.cli.main import main

raise SystemExit(main())
