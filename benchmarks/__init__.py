"""Benchmarks: ``python -m benchmarks [NAME ...] [--quick]``; results in docs/benchmarks.md."""
