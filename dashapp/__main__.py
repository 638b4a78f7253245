"""`python -m dashapp` runs the CLI."""

from dashapp.cli import run

run()
