"""`python -m dashapp` runs the CLI."""

from dashapp.cli import main

raise SystemExit(main())
