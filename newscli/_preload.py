"""Imported by the fork server of a batch (see ``batch.default_start_method``): loads the core
and builds its lexicons once, so that every worker forked from the server starts warm."""

from newscli.batch import warm_up

warm_up()
