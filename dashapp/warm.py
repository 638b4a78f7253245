"""Imported by ingest's fork server before it forks the worker processes (see
batch.local_results): the pipeline's first article loads the gazetteer and compiles its
patterns, about a second of CPU, done here once instead of once in every worker (a forked
worker shares the fork server's pages)."""

from dashapp.batch import warm_up

warm_up()
