"""Where a run's time goes, phase by phase, for `--timings` and `make bench`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Timings:
    phases: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.phases.append((name, time.perf_counter() - start))

    def table(self) -> str:
        width = max((len(name) for name, _ in self.phases), default=0)
        total = sum(seconds for _, seconds in self.phases)
        rows = [f"{name:<{width}}  {seconds:7.3f} s" for name, seconds in self.phases]
        return "\n".join([*rows, f"{'total':<{width}}  {total:7.3f} s"]) + "\n"
