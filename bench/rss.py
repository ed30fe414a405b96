"""Resident memory of every process of a command's tree, sampled over its run: which process grows.

`python -m bench.rss [--every S] -- python -m kg build CORPUS --store S --workers 2` prints, per process
(the command itself and each descendant, by its command line), its peak and final RSS and its RSS at
each quarter of the run; `sample` is the function behind it.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass, field

import psutil

__all__ = ["Track", "sample", "main"]


@dataclass
class Track:
    """One process's resident memory over time: (seconds since start, bytes) pairs."""

    pid: int
    name: str
    points: list[tuple[float, int]] = field(default_factory=list)
    cpu: float = 0.0          # user + system CPU seconds at the last sample

    @property
    def peak(self) -> int:
        return max((b for _, b in self.points), default=0)


def _processes(root: int) -> list[psutil.Process]:
    """`root` and its live descendants (psutil walks the process table, so no /proc parsing of ours)."""
    try:
        top = psutil.Process(root)
        return [top] + top.children(recursive=True)
    except psutil.Error:
        return []


def _reading(process: psutil.Process) -> tuple[int, float, str] | None:
    """(RSS bytes, user + system CPU seconds of its own threads, command line) of a live process."""
    try:
        with process.oneshot():
            times = process.cpu_times()
            return process.memory_info().rss, times.user + times.system, " ".join(process.cmdline())[:100]
    except psutil.Error:
        return None


def sample(command: list[str], every: float = 0.5, env: dict[str, str] | None = None) -> tuple[int, float, list[Track]]:
    """Run `command`, sampling the RSS of it and its descendants every `every` seconds; (exit status,
    wall seconds, one Track per process seen).

    >>> status, seconds, tracks = sample([sys.executable, "-c", "import time; time.sleep(0.3)"], every=0.05)
    >>> status, len(tracks) >= 1, tracks[0].peak > 1_000_000
    (0, True, True)
    """
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    tracks: dict[int, Track] = {}
    while proc.poll() is None:
        now = time.perf_counter() - start
        for process in _processes(proc.pid):
            reading = _reading(process)
            if reading is not None:
                rss, cpu, name = reading
                track = tracks.setdefault(process.pid, Track(process.pid, name))
                track.points.append((now, rss))
                track.cpu = cpu
                track.name = name if len(track.points) <= 3 else track.name   # after an exec
        time.sleep(every)
    return proc.returncode, time.perf_counter() - start, list(tracks.values())


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rss", description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples (default 0.5)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command (after --)")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    status, seconds, tracks = sample(command, args.every)
    print(f"exit {status}, {seconds:.1f} s wall; per process: CPU s (up to its last sample), peak RSS, RSS at "
          "25/50/75/100 % of the run:")
    for t in sorted(tracks, key=lambda t: -t.peak):
        marks = [next((b for s, b in t.points if s >= q * seconds), t.points[-1][1]) for q in (0.25, 0.5, 0.75)]
        marks.append(t.points[-1][1])
        when = next(s for s, b in t.points if b == t.peak)
        print(f"  {t.pid} CPU {t.cpu:.1f} s, peak {_mb(t.peak)} at {when:.0f} s; "
              f"{' / '.join(_mb(m) for m in marks)}  {t.name}")
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
