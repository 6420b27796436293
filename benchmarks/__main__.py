"""Run the benchmarks: ``python -m benchmarks [NAME ...] [--quick]``.

``--quick`` runs small sizes and does not touch docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import importlib

BENCHMARKS = {
    "read": "benchmarks.read_speed",
    "tags": "benchmarks.header_tags",
    "check": "benchmarks.check_speed",
    "match": "benchmarks.match_quality",
    "febrl": "benchmarks.febrl",
    "other": "benchmarks.other_match",
    "directory": "benchmarks.directory_speed",
    "insights": "benchmarks.insights_speed",
    "realworld": "benchmarks.real_world",
    "compare": "benchmarks.compare_quality",
}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", help=f"which to run: {', '.join(BENCHMARKS)}")
    parser.add_argument("--quick", action="store_true", help="small sizes, results not saved")
    args = parser.parse_args()
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(BENCHMARKS)}")
    for name in args.names or list(BENCHMARKS):
        print(f"== {name}")
        print(importlib.import_module(BENCHMARKS[name]).run(quick=args.quick))


if __name__ == "__main__":
    main()
