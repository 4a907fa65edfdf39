"""Benchmarks (figures in BENCHMARKS.md), and how each prints its results: a readable table, or
with `--json` one JSON object (times in keys ending `_s`, ratios in `_ratio`, counts as numbers)."""

from __future__ import annotations

import json
from typing import Any


def render(results: dict[str, Any], as_json: bool) -> str:
    if as_json:
        return json.dumps(results)
    width = max(len(key) for key in results)
    return "\n".join(f"{key.ljust(width)}  {value}" for key, value in results.items())
