"""Benchmarks: `python -m bench [NAME ...] [--json FILE]` prints a table of figures."""
