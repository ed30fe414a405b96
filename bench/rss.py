"""Resident memory of every process of a command's tree, sampled over its run: which process grows.

`python -m bench.rss [--every S] -- python -m kg build CORPUS --store S --workers 2` prints, per process
(the command itself and each descendant, by its command line), its peak and final RSS and its RSS at
each quarter of the run; `sample` is the function behind it.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

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


def _children() -> dict[int, list[int]]:
    """Parent pid → child pids, for every process in /proc."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _descendants(root: int) -> list[int]:
    tree, found, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += tree.get(pid, [])
    return found


def _rss(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _cpu(pid: int) -> float | None:
    """User + system CPU seconds of a live process (its own threads, not its children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _name(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    text = " ".join(w.decode("utf-8", "replace") for w in words if w)
    return text[:100]


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
        for pid in _descendants(proc.pid):
            rss, cpu = _rss(pid), _cpu(pid)
            if rss is not None:
                track = tracks.setdefault(pid, Track(pid, _name(pid)))
                track.points.append((now, rss))
                track.cpu = cpu if cpu is not None else track.cpu
                track.name = _name(pid) if len(track.points) <= 3 else track.name   # after an exec
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
