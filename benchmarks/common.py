"""Shared benchmark plumbing: timing in a fresh process, and the results file.

Each contender runs in its own Python process so that its wall time and peak
memory (``ru_maxrss``) are its own. Each benchmark owns one marked section of
``docs/benchmarks.md`` and replaces only that section.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "benchmarks.md"
DATA = ROOT / "benchmarks" / ".data"

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
{setup}
t0 = time.perf_counter()
{body}
elapsed = time.perf_counter() - t0
# This process's own peak: Linux's VmHWM, which starts afresh at exec. (ru_maxrss keeps
# the peak of the process it was forked from, the benchmark runner with its test data, so
# every contender would report at least the runner's size.) Worker processes (if any)
# count too: the largest one's peak, added as if at once.
def _own_peak_kb():
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak = (_own_peak_kb() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
{after}
result = {{"seconds": elapsed, "peak_mb": peak, "info": locals().get("info")}}
print("@@RESULT@@" + json.dumps(result))
"""


@dataclass
class Measure:
    name: str
    seconds: float
    peak_mb: float
    info: object = None


def measure(
    name: str, body: str, setup: str = "", after: str = "", timeout: float | None = None
) -> Measure:
    """Run ``body`` (after untimed ``setup``) in a new interpreter; time it. ``after`` runs
    once time and peak memory are taken (to score the result where it is, for example)."""
    code = _CHILD.format(
        root=str(ROOT),
        setup=textwrap.dedent(setup),
        body=textwrap.dedent(body),
        after=textwrap.dedent(after),
    )
    env = dict(os.environ, PYTHONHASHSEED="0")
    try:
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{name} did not finish within {timeout:.0f} s") from None
    if out.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{out.stderr[-2000:]}")
    line = next(x for x in out.stdout.splitlines() if x.startswith("@@RESULT@@"))
    data = json.loads(line[len("@@RESULT@@") :])
    return Measure(name, data["seconds"], data["peak_mb"], data.get("info"))


def machine() -> str:
    return (
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
    )


def write_section(key: str, markdown: str) -> None:
    """Replace (or add) this benchmark's section in docs/benchmarks.md."""
    RESULTS.parent.mkdir(exist_ok=True)
    text = (
        RESULTS.read_text("utf-8")
        if RESULTS.exists()
        else (
            "# Benchmarks\n\nRun `make bench` (or `python -m benchmarks NAME`) to refresh. "
            "Each section is rewritten by its own benchmark; every contender runs in a "
            "fresh process, so times and peak memory are its own.\n"
        )
    )
    start, end = f"<!-- bench:{key} -->", f"<!-- /bench:{key} -->"
    block = f"{start}\n{markdown.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else f"{text}\n{block}\n"
    RESULTS.write_text(text, "utf-8")
